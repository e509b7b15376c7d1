namespace OdooFunctions.Functions.Dashboard;

/// <summary>How the app talks to the dashboard; made from <see cref="DashboardSettings"/> by <see cref="DashboardServiceCollectionExtensions.AddDashboard"/>.</summary>
public sealed class DashboardOptions
{
    /// <summary>The dashboard REST API (<c>DASHBOARD_API_URL</c>), e.g. <c>https://dashboard.example.com/api/</c>.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>Bound on one dashboard request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of the (idempotent) GET of linked orders; PATCHes are never retried blindly.</summary>
    public int ReadRetries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Bound on one dashboard answer's body (<c>MAX_RESPONSE_MB</c>); beyond it the call fails without reading the rest.</summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;
}
