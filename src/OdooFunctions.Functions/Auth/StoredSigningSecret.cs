using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Auth;

/// <summary>The dashboard's signing secret from the secret store: Key Vault <c>dashboard-jwt-secret</c>, or <c>AUTH_JWT_SECRET</c>.</summary>
public sealed class StoredSigningSecret(SecretStore secrets) : IDashboardSigningSecret
{
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken) =>
        await secrets.DashboardJwtSecret.GetValueAsync(cancellationToken);
}
