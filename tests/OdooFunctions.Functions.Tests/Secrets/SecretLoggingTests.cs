using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>Everything logged while secrets are read, rotated and fail (the app's lines and the Azure SDK's) carries no secret.</summary>
public sealed class SecretLoggingTests : IAsyncLifetime
{
    private KeyVaultDoubleServer _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultDoubleServer.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task No_log_line_carries_a_secret_value_or_the_vault_token()
    {
        string[] values = ["odoo-key-logged-v1", "odoo-key-logged-v2", "jwt-secret-logged", "token-behind-denial"];
        _vault.SetSecret("odoo-api-key", values[0]);
        _vault.SetSecret("dashboard-jwt-secret", values[2]);
        _vault.SetSecret("dashboard-api-token", values[3]);
        _vault.DenyAccess("dashboard-api-token");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault, maxRetries: 0);
        var provider = host.Services.GetRequiredService<IOdooApiKeyProvider>();

        await provider.GetApiKeyAsync();
        _vault.SetSecret("odoo-api-key", values[1]);
        provider.Invalidate();
        await provider.GetApiKeyAsync();
        await host.Secrets.DashboardJwtSecret.GetValueAsync();
        await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardApiToken.GetValueAsync().AsTask());
        _vault.FailNext(KeyVaultFault.ServiceUnavailable);
        host.Secrets.DashboardJwtSecret.Invalidate();
        await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());

        var logs = host.AllLogText();
        // The capture is real: the app's lines and the SDK's HTTP lines are there.
        Assert.Contains("Read secret odoo-api-key", logs, StringComparison.Ordinal);
        Assert.Contains("Secret dashboard-api-token unavailable", logs, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), record => record.Category?.StartsWith("Azure.Core", StringComparison.Ordinal) == true);
        foreach (var value in values.Append(_vault.AccessToken))
        {
            Assert.DoesNotContain(value, logs, StringComparison.Ordinal);
        }
    }
}
