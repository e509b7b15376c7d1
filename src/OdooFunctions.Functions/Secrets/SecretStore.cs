using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// The app's secrets, each cached on its own: the Odoo API key, the dashboard's JWT secret, the dashboard
/// API token and the webhook code. Inject this and ask, e.g. <c>await secrets.DashboardJwtSecret.GetValueAsync(ct)</c>.
/// </summary>
public sealed class SecretStore
{
    public SecretStore(ISecretSource source, IOptions<SecretsOptions> options, TimeProvider timeProvider, ILogger<SecretStore> logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Source = source;
        OdooApiKey = new CachedSecret(SecretReference.OdooApiKey(settings.OdooApiKeySecretName), source, settings.CacheTtl, settings.FailureTtl, timeProvider, logger);
        DashboardJwtSecret = new CachedSecret(SecretReference.DashboardJwtSecret, source, settings.CacheTtl, settings.FailureTtl, timeProvider, logger);
        DashboardApiToken = new CachedSecret(SecretReference.DashboardApiToken, source, settings.CacheTtl, settings.FailureTtl, timeProvider, logger);
        OdooWebhookSecret = new CachedSecret(SecretReference.OdooWebhookSecret, source, settings.CacheTtl, settings.FailureTtl, timeProvider, logger);
    }

    /// <summary>Where the values come from (a vault or app settings).</summary>
    public ISecretSource Source { get; }

    /// <summary><c>odoo-api-key</c> (or <c>ODOO_API_KEY_SECRET_NAME</c>) ↔ <c>ODOO_API_KEY</c>.</summary>
    public CachedSecret OdooApiKey { get; }

    /// <summary><c>dashboard-jwt-secret</c> ↔ <c>AUTH_JWT_SECRET</c>.</summary>
    public CachedSecret DashboardJwtSecret { get; }

    /// <summary><c>dashboard-api-token</c> ↔ <c>DASHBOARD_API_TOKEN</c>.</summary>
    public CachedSecret DashboardApiToken { get; }

    /// <summary><c>odoo-webhook-secret</c> ↔ <c>ODOO_WEBHOOK_SECRET</c>.</summary>
    public CachedSecret OdooWebhookSecret { get; }
}
