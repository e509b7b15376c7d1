using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// How the app talks to the dashboard: what the sync and the push share. Bound and checked at start by
/// <see cref="DashboardServiceCollectionExtensions.AddDashboard"/>. The dashboard API token is not here: it is a secret,
/// read through the secrets part.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// The dashboard REST API, e.g. <c>https://dashboard.example.com/api/</c>. Unset does not stop the host: the Odoo
    /// endpoints work without it, and each sync run fails with that message in its record.
    /// </summary>
    [ConfigurationKeyName("DASHBOARD_API_URL"), UrlSetting("https://dashboard.example.com/api/", AllowHttp = true)]
    public Uri? ApiUrl { get; set; }

    /// <summary>Bound on one dashboard request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of the (idempotent) GET of linked orders; PATCHes are never retried blindly.</summary>
    public int ReadRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Dashboard statuses the sync and the push leave alone (comma-separated, any case), e.g. an <c>on_hold</c> a person
    /// set. None (the default): every linked order gets its MO's status.
    /// </summary>
    [ConfigurationKeyName("SYNC_KEEP_STATUSES")]
    public string[] KeepStatuses { get; set; } = [];

    public KeptStatuses KeptStatuses => new(KeepStatuses);

    /// <summary>The <see cref="LastSentIndex"/>'s table: MO → dashboard orders, rewritten by every full sync.</summary>
    [ConfigurationKeyName("PUSH_INDEX_TABLE"), NamePatternSetting("^[A-Za-z][A-Za-z0-9]{2,62}$", "must be 3-63 letters and digits, starting with a letter")]
    public string IndexTable { get; set; } = "moorderindex";

    /// <summary>The least time between two index refreshes caused by an MO the index does not know.</summary>
    [ConfigurationKeyName("PUSH_INDEX_REFRESH_SECONDS"), WholeNumberSetting]
    public int IndexRefreshSeconds { get; set; } = 60;

    public TimeSpan IndexRefreshInterval => TimeSpan.FromSeconds(IndexRefreshSeconds);
}
