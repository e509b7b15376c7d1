namespace OdooFunctions.Functions.Sync;

/// <summary>What started a run, as written in its record.</summary>
public static class SyncTrigger
{
    public const string Timer = "timer";
    public const string Manual = "manual";
}
