using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>How a run ended (<see cref="SyncRun.Outcome"/>).</summary>
public static class SyncOutcome
{
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
}
