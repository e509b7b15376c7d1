using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// How the order-status sync runs; bound and checked at start by <see cref="SyncServiceCollectionExtensions.AddStatusSync"/>.
/// The dashboard's own settings (its URL, its token, the statuses kept) are the dashboard part's.
/// </summary>
public sealed class StatusSyncOptions
{
    /// <summary>
    /// The <see cref="StatusSyncTimer"/>'s schedule. The host reads it for the trigger (<c>%SYNC_SCHEDULE%</c>) and has no
    /// default: without it the app would start, answer HTTP and never sync. So it is required here.
    /// </summary>
    [ConfigurationKeyName("SYNC_SCHEDULE"), RequiredSetting, NcrontabSetting]
    public string Schedule { get; set; } = "";

    /// <summary>MO ids per Odoo <c>search_read</c>.</summary>
    [ConfigurationKeyName("SYNC_BATCH_SIZE"), WholeNumberSetting(Maximum = 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>PATCHes in flight at once: enough to hide latency, few enough not to flood the dashboard.</summary>
    public int MaxConcurrentPatches { get; set; } = 8;

    /// <summary>Table for run records.</summary>
    [ConfigurationKeyName("SYNC_RUNS_TABLE")]
    public string RunsTable { get; set; } = "syncruns";

    /// <summary>
    /// How long the sync lease lasts without renewal: the longest a crashed run blocks the next one. A running sync
    /// renews it every third of this.
    /// </summary>
    [ConfigurationKeyName("SYNC_LEASE_SECONDS"), WholeNumberSetting]
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan LeaseDuration => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>Errors kept in one run record; the rest are only counted and logged.</summary>
    public int MaxRecordedErrors { get; set; } = 10;
}
