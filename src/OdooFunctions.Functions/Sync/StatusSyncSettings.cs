using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The app settings of the order-status sync, under the guide's names. Bound and checked at start by
/// <see cref="SyncServiceCollectionExtensions.AddStatusSync"/>; <see cref="StatusSyncOptions"/> is made from them. Kept as
/// text (see <see cref="SettingText"/>). The dashboard's own settings (its URL, its token, the statuses kept) are the dashboard part's.
/// </summary>
public sealed class StatusSyncSettings
{
    public const int LargestBatchSize = 5000;

    [ConfigurationKeyName("SYNC_BATCH_SIZE"), WholeNumberSetting(Maximum = LargestBatchSize)]
    public string? BatchSize { get; set; }

    [ConfigurationKeyName("SYNC_LEASE_SECONDS"), WholeNumberSetting]
    public string? LeaseSeconds { get; set; }

    [ConfigurationKeyName("SYNC_RUNS_TABLE")]
    public string? RunsTable { get; set; }

    public void ApplyTo(StatusSyncOptions options)
    {
        if (SettingText.PositiveInt(BatchSize) is { } batch)
        {
            options.BatchSize = batch;
        }

        if (SettingText.PositiveInt(LeaseSeconds) is { } lease)
        {
            options.LeaseDuration = TimeSpan.FromSeconds(lease);
        }

        if (RunsTable is { Length: > 0 } table)
        {
            options.RunsTable = table;
        }
    }
}
