namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// One secret the app needs, by its two names: the Key Vault secret read when <c>KEY_VAULT_URI</c> is set,
/// and the app setting read otherwise (local runs).
/// </summary>
public sealed record SecretReference
{
    public SecretReference(string secretName, string settingName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        ArgumentException.ThrowIfNullOrWhiteSpace(settingName);
        SecretName = secretName;
        SettingName = settingName;
    }

    /// <summary>The dashboard's JWT signing secret.</summary>
    public static SecretReference DashboardJwtSecret { get; } = new("dashboard-jwt-secret", "AUTH_JWT_SECRET");

    /// <summary>The bearer token for the dashboard REST API (status sync).</summary>
    public static SecretReference DashboardApiToken { get; } = new("dashboard-api-token", "DASHBOARD_API_TOKEN");

    /// <summary>The <c>code</c> Odoo's webhook URL carries (the receiver's only proof of who calls).</summary>
    public static SecretReference OdooWebhookSecret { get; } = new("odoo-webhook-secret", "ODOO_WEBHOOK_SECRET");

    /// <summary>The Odoo API key; its Key Vault name can be changed with <c>ODOO_API_KEY_SECRET_NAME</c>.</summary>
    public static SecretReference OdooApiKey(string secretName = SecretsOptions.DefaultOdooApiKeySecretName) => new(secretName, "ODOO_API_KEY");

    /// <summary>The Key Vault secret name, e.g. <c>odoo-api-key</c>.</summary>
    public string SecretName { get; }

    /// <summary>The app setting used without a vault, e.g. <c>ODOO_API_KEY</c>.</summary>
    public string SettingName { get; }
}
