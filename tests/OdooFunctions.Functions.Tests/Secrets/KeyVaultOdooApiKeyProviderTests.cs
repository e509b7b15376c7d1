using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>The Odoo client's key provider when a vault is configured: cached, re-read after Invalidate (rotation).</summary>
public sealed class KeyVaultOdooApiKeyProviderTests : IAsyncLifetime
{
    private KeyVaultDoubleServer _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultDoubleServer.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task With_KEY_VAULT_URI_the_key_comes_from_the_vault_not_from_ODOO_API_KEY()
    {
        _vault.SetSecret("odoo-api-key", "vault-odoo-key");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault, ("ODOO_API_KEY", "setting-odoo-key")), _vault);

        var provider = host.Services.GetRequiredService<IOdooApiKeyProvider>();

        Assert.IsType<KeyVaultOdooApiKeyProvider>(provider);
        Assert.Equal("vault-odoo-key", await provider.GetApiKeyAsync());
        Assert.Equal("vault-odoo-key", await provider.GetApiKeyAsync());
        Assert.Equal(1, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task Invalidate_after_a_rejected_key_picks_up_the_rotated_key_without_a_restart()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-v1");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        var provider = host.Services.GetRequiredService<IOdooApiKeyProvider>();
        Assert.Equal("odoo-key-v1", await provider.GetApiKeyAsync());

        _vault.SetSecret("odoo-api-key", "odoo-key-v2");
        provider.Invalidate();

        Assert.Equal("odoo-key-v2", await provider.GetApiKeyAsync());
        Assert.Equal(2, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task The_provider_shares_the_stores_cache()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-shared-cache");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        await host.Secrets.OdooApiKey.GetValueAsync();
        var key = await host.Services.GetRequiredService<IOdooApiKeyProvider>().GetApiKeyAsync();

        Assert.Equal("odoo-key-shared-cache", key);
        Assert.Equal(1, _vault.ReadCount("odoo-api-key"));
        Assert.DoesNotContain("odoo-key-shared-cache", host.Services.GetRequiredService<IOdooApiKeyProvider>().ToString()!, StringComparison.Ordinal);
    }
}
