using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The app settings of the dashboard part, under the guide's names: what the sync and the push share. Bound and checked
/// at start by <see cref="DashboardServiceCollectionExtensions.AddDashboard"/>; <see cref="DashboardOptions"/> is made from
/// them. Kept as text (see <see cref="SettingText"/>). The dashboard API token is not here: it is a secret, read through
/// the secrets part.
/// </summary>
public sealed class DashboardSettings
{
    /// <summary>
    /// The dashboard REST API. Unset (or not an absolute URL) does not stop the host: the Odoo endpoints work without it,
    /// and each sync run fails with that message in its record.
    /// </summary>
    [ConfigurationKeyName("DASHBOARD_API_URL")]
    public string? ApiUrl { get; set; }

    [ConfigurationKeyName(MaxResponseSize.Setting), WholeNumberSetting(Maximum = MaxResponseSize.LargestMb)]
    public string? MaxResponseMb { get; set; }

    /// <summary>Dashboard statuses the sync and the push leave alone, comma-separated, any case.</summary>
    [ConfigurationKeyName("SYNC_KEEP_STATUSES")]
    public string? KeepStatuses { get; set; }

    [ConfigurationKeyName("PUSH_INDEX_TABLE")]
    public string? IndexTable { get; set; }

    [ConfigurationKeyName("PUSH_INDEX_REFRESH_SECONDS"), WholeNumberSetting]
    public string? IndexRefreshSeconds { get; set; }

    /// <summary>The dashboard API's address, when the setting holds an absolute URL.</summary>
    public Uri? ApiUri => Uri.TryCreate(ApiUrl, UriKind.Absolute, out var url) ? url : null;

    public void ApplyTo(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ApiUri is { } url)
        {
            options.ApiUrl = url;
        }

        options.MaxResponseBytes = MaxResponseSize.Bytes(MaxResponseMb);
        options.KeptStatuses = new KeptStatuses(SettingText.List(KeepStatuses));
        if (SettingText.Value(IndexTable) is { } table)
        {
            options.IndexTable = table;
        }

        if (SettingText.PositiveInt(IndexRefreshSeconds) is { } refresh)
        {
            options.IndexRefreshInterval = TimeSpan.FromSeconds(refresh);
        }
    }
}
