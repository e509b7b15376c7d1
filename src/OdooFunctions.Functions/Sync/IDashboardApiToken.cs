namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The bearer token for the dashboard REST API. The default reads the <c>DASHBOARD_API_TOKEN</c> setting;
/// a Key Vault implementation (secret <c>dashboard-api-token</c>) can replace it.
/// </summary>
public interface IDashboardApiToken
{
    /// <summary>The token, or null when none is configured.</summary>
    ValueTask<string?> GetAsync(CancellationToken cancellationToken);
}
