using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>The dashboard API token from the secret store: Key Vault <c>dashboard-api-token</c>, or <c>DASHBOARD_API_TOKEN</c>.</summary>
public sealed class StoredDashboardApiToken(SecretStore secrets) : IDashboardApiToken
{
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken) =>
        await secrets.DashboardApiToken.GetValueAsync(cancellationToken);
}
