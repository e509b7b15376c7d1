namespace OdooFunctions.Functions.Sync;

/// <summary>How the order-status sync runs; made from <see cref="StatusSyncSettings"/> by <see cref="SyncServiceCollectionExtensions.AddStatusSync"/>.</summary>
public sealed class StatusSyncOptions
{
    public const int DefaultBatchSize = 500;
    public const string DefaultRunsTable = "syncruns";

    /// <summary>MO ids per Odoo <c>search_read</c> (<c>SYNC_BATCH_SIZE</c>).</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>PATCHes in flight at once: enough to hide latency, few enough not to flood the dashboard.</summary>
    public int MaxConcurrentPatches { get; set; } = 8;

    /// <summary>Table for run records (<c>SYNC_RUNS_TABLE</c>).</summary>
    public string RunsTable { get; set; } = DefaultRunsTable;

    /// <summary>
    /// How long the sync lease lasts without renewal (<c>SYNC_LEASE_SECONDS</c>, default 60): the longest a crashed
    /// run blocks the next one. A running sync renews it every third of this.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(DefaultLeaseSeconds);

    public const int DefaultLeaseSeconds = 60;

    /// <summary>Errors kept in one run record; the rest are only counted and logged.</summary>
    public int MaxRecordedErrors { get; set; } = 10;
}
