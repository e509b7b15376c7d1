using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>Without <c>KEY_VAULT_URI</c> the secrets come from app settings (local runs).</summary>
public sealed class AppSettingSecretTests
{
    [Fact]
    public async Task Without_KEY_VAULT_URI_each_secret_comes_from_its_app_setting()
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?>
        {
            ["ODOO_API_KEY"] = "local-odoo-key",
            ["AUTH_JWT_SECRET"] = "local-jwt-secret",
            ["DASHBOARD_API_TOKEN"] = "local-dashboard-token",
        });

        Assert.IsType<AppSettingSecretSource>(host.Secrets.Source);
        Assert.Equal("local-odoo-key", await host.Secrets.OdooApiKey.GetValueAsync());
        Assert.Equal("local-jwt-secret", await host.Secrets.DashboardJwtSecret.GetValueAsync());
        Assert.Equal("local-dashboard-token", await host.Secrets.DashboardApiToken.GetValueAsync());
    }

    [Fact]
    public async Task Without_KEY_VAULT_URI_the_Odoo_key_provider_is_the_static_ODOO_API_KEY()
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?> { ["ODOO_API_KEY"] = "local-odoo-key" });

        var provider = host.Services.GetRequiredService<IOdooApiKeyProvider>();

        Assert.IsType<StaticOdooApiKeyProvider>(provider);
        Assert.Equal("local-odoo-key", await provider.GetApiKeyAsync());
    }

    [Fact]
    public async Task A_missing_app_setting_fails_as_NotConfigured_naming_the_setting_and_the_secret()
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?> { ["AUTH_JWT_SECRET"] = "local-jwt-secret" });

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardApiToken.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.NotConfigured, error.Reason);
        Assert.Contains("DASHBOARD_API_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.Contains("dashboard-api-token", error.Message, StringComparison.Ordinal);
        Assert.Contains("KEY_VAULT_URI", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("local-jwt-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_KEY_VAULT_URI_or_ODOO_API_KEY_the_Odoo_key_provider_cannot_be_made()
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?>());

        var error = Assert.Throws<SecretUnavailableException>(() => host.Services.GetRequiredService<IOdooApiKeyProvider>());

        Assert.Equal(SecretUnavailableReason.NotConfigured, error.Reason);
        Assert.Contains("ODOO_API_KEY", error.Message, StringComparison.Ordinal);
    }
}
