namespace OdooFunctions.Functions.Dashboard;

/// <summary>How the app talks to the dashboard; made from <see cref="DashboardSettings"/> by <see cref="DashboardServiceCollectionExtensions.AddDashboard"/>.</summary>
public sealed class DashboardOptions
{
    public const string DefaultIndexTable = "moorderindex";

    /// <summary>The dashboard REST API (<c>DASHBOARD_API_URL</c>), e.g. <c>https://dashboard.example.com/api/</c>.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Bound on one dashboard request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of the (idempotent) GET of linked orders; PATCHes are never retried blindly.</summary>
    public int ReadRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bound on one dashboard answer's body (<c>MAX_RESPONSE_MB</c>); beyond it the call fails without reading the rest.</summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// Dashboard statuses the sync and the push leave alone (<c>SYNC_KEEP_STATUSES</c>, comma-separated, any case), e.g. an
    /// <c>on_hold</c> a person set. None (the default): every linked order gets its MO's status.
    /// </summary>
    public KeptStatuses KeptStatuses { get; set; } = KeptStatuses.None;

    /// <summary>The <see cref="LastSentIndex"/>'s table: MO → dashboard orders, rewritten by every full sync (<c>PUSH_INDEX_TABLE</c>).</summary>
    public string IndexTable { get; set; } = DefaultIndexTable;

    /// <summary>The least time between two index refreshes caused by an MO the index does not know (<c>PUSH_INDEX_REFRESH_SECONDS</c>).</summary>
    public TimeSpan IndexRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);
}
