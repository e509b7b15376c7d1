namespace OdooFunctions.Functions.Auth;

/// <summary>The shared HS256 secret the dashboard signs its tokens with (setting or Key Vault).</summary>
public interface IDashboardSigningSecret
{
    ValueTask<string?> GetAsync(CancellationToken cancellationToken);
}
