using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>What failed a run (<see cref="SyncRun.Failure"/>), so that its answer can say why.</summary>
public static class SyncFailure
{
    public const string Odoo = "odoo";
    public const string Dashboard = "dashboard";
    public const string Timeout = "timeout";
    public const string Secret = "secret";
    public const string Cancelled = "cancelled";
    public const string Unexpected = "unexpected";
}
