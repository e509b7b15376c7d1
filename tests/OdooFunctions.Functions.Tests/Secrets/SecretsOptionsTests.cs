using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>The secrets settings are bound from app settings and refused with a clear message when they do not parse.</summary>
public sealed class SecretsOptionsTests
{
    [Fact]
    public void Binds_the_vault_the_secret_name_and_the_time_to_live_from_app_settings()
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?>
        {
            ["KEY_VAULT_URI"] = "https://odoo-functions.vault.azure.net/",
            ["ODOO_API_KEY_SECRET_NAME"] = "odoo-key-prod",
            ["SECRET_CACHE_TTL"] = "900",
        });

        var options = host.Services.GetRequiredService<IOptions<SecretsOptions>>().Value;

        Assert.Equal(new Uri("https://odoo-functions.vault.azure.net/"), options.VaultUri);
        Assert.Equal("odoo-key-prod", options.OdooApiKeySecretName);
        Assert.Equal(TimeSpan.FromMinutes(15), options.CacheTtl);
    }

    [Theory]
    [InlineData("KEY_VAULT_URI", "http://odoo-functions.vault.azure.net/")]
    [InlineData("KEY_VAULT_URI", "odoo-functions")]
    [InlineData("SECRET_CACHE_TTL", "an hour")]
    [InlineData("SECRET_CACHE_TTL", "-00:05:00")]
    [InlineData("ODOO_API_KEY_SECRET_NAME", "odoo_api_key")]
    public void A_setting_that_does_not_parse_is_refused_naming_the_setting(string setting, string value)
    {
        using var host = new SecretsTestHost(new Dictionary<string, string?> { [setting] = value });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SecretsOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }
}
