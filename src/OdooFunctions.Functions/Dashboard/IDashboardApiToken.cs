namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The bearer token for the dashboard REST API. The default (<see cref="StoredDashboardApiToken"/>) reads it from
/// the secret store: Key Vault secret <c>dashboard-api-token</c>, or the <c>DASHBOARD_API_TOKEN</c> setting.
/// </summary>
public interface IDashboardApiToken
{
    /// <summary>The token, or null when none is configured.</summary>
    ValueTask<string?> GetAsync(CancellationToken cancellationToken);
}
