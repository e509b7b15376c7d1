using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The app settings of the order-status sync, under the guide's names. Bound and checked at start by
/// <see cref="SyncServiceCollectionExtensions.AddStatusSync"/>; <see cref="StatusSyncOptions"/> is made from them. Kept as
/// text (see <see cref="SettingText"/>). The dashboard API token is not here: it is a secret, read through the secrets part.
/// </summary>
public sealed class StatusSyncSettings
{
    public const int LargestBatchSize = 5000;

    /// <summary>
    /// The dashboard REST API. Unset (or not an absolute URL) does not stop the host: the Odoo endpoints work without it,
    /// and each run fails with that message in its record.
    /// </summary>
    [ConfigurationKeyName("DASHBOARD_API_URL")]
    public string? DashboardApiUrl { get; set; }

    [ConfigurationKeyName("SYNC_BATCH_SIZE"), WholeNumberSetting(Maximum = LargestBatchSize)]
    public string? BatchSize { get; set; }

    [ConfigurationKeyName("SYNC_LEASE_SECONDS"), WholeNumberSetting]
    public string? LeaseSeconds { get; set; }

    [ConfigurationKeyName("SYNC_RUNS_TABLE")]
    public string? RunsTable { get; set; }

    /// <summary>Dashboard statuses the sync leaves alone, comma-separated, any case.</summary>
    [ConfigurationKeyName("SYNC_KEEP_STATUSES")]
    public string? KeepStatuses { get; set; }

    [ConfigurationKeyName(MaxResponseSize.Setting), WholeNumberSetting(Maximum = MaxResponseSize.LargestMb)]
    public string? MaxResponseMb { get; set; }

    /// <summary>The dashboard API's address, when the setting holds an absolute URL.</summary>
    public Uri? DashboardApiUri => Uri.TryCreate(DashboardApiUrl, UriKind.Absolute, out var url) ? url : null;

    public void ApplyTo(StatusSyncOptions options)
    {
        if (DashboardApiUri is { } url)
        {
            options.DashboardApiUrl = url;
        }

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

        options.MaxResponseBytes = MaxResponseSize.Bytes(MaxResponseMb);
        options.KeepStatuses = new HashSet<string>(
            (KeepStatuses ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            StringComparer.OrdinalIgnoreCase);
    }
}
