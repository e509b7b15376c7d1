using System.Net;
using System.Net.Sockets;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>A secret that cannot be read fails with <see cref="SecretUnavailableException"/> naming vault and secret, never a value.</summary>
public sealed class SecretFailureTests : IAsyncLifetime
{
    private const string OtherSecretValue = "other-secret-value-must-not-leak";
    private KeyVaultDoubleServer _vault = null!;

    public async Task InitializeAsync()
    {
        _vault = await KeyVaultDoubleServer.StartAsync();
        _vault.SetSecret("odoo-api-key", OtherSecretValue);
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task A_missing_secret_fails_as_NotFound_naming_the_vault_and_the_secret()
    {
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.NotFound, error.Reason);
        Assert.Equal(404, error.Status);
        Assert.Equal("dashboard-jwt-secret", error.SecretName);
        Assert.Contains("'dashboard-jwt-secret'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_vault.Uri.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("SecretNotFound", error.Message, StringComparison.Ordinal);
        AssertCarriesNoSecret(error);
    }

    [Fact]
    public async Task Access_denied_fails_as_AccessDenied_naming_the_vault_and_the_secret()
    {
        _vault.SetSecret("dashboard-api-token", "token-behind-rbac");
        _vault.DenyAccess("dashboard-api-token");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardApiToken.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.AccessDenied, error.Reason);
        Assert.Equal(403, error.Status);
        Assert.Contains("'dashboard-api-token'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_vault.Uri.ToString(), error.Message, StringComparison.Ordinal);
        AssertCarriesNoSecret(error, "token-behind-rbac");
    }

    [Fact]
    public async Task A_token_the_vault_rejects_fails_as_AccessDenied()
    {
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault, credential: new StaticTokenCredential("not-the-vault-token"));

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.OdooApiKey.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.AccessDenied, error.Reason);
        Assert.Equal(401, error.Status);
        AssertCarriesNoSecret(error, "not-the-vault-token");
    }

    [Fact]
    public async Task An_unreachable_vault_fails_as_VaultUnreachable_naming_the_vault_and_the_secret()
    {
        var closedPort = ClosedLoopbackPort();
        var settings = SecretsTestHost.VaultSettings(_vault);
        settings["KEY_VAULT_URI"] = $"https://127.0.0.1:{closedPort}/";
        using var host = new SecretsTestHost(settings, _vault);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.OdooApiKey.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.VaultUnreachable, error.Reason);
        Assert.Null(error.Status);
        Assert.Contains("'odoo-api-key'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"https://127.0.0.1:{closedPort}/", error.Message, StringComparison.Ordinal);
        AssertCarriesNoSecret(error);
    }

    [Fact]
    public async Task A_dropped_connection_fails_as_VaultUnreachable_and_is_not_cached()
    {
        _vault.SetSecret("dashboard-jwt-secret", "jwt-after-drop");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault, maxRetries: 0);
        await host.Services.GetSecretClient().GetSecretAsync("odoo-api-key"); // learn the challenge first
        _vault.FailNext(KeyVaultFault.DropConnection);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());
        host.Clock.Advance(SecretsOptions.DefaultFailureTtl * 1.5); // a failure is remembered for a short while
        var next = await host.Secrets.DashboardJwtSecret.GetValueAsync();

        Assert.Equal(SecretUnavailableReason.VaultUnreachable, error.Reason);
        Assert.Equal("jwt-after-drop", next);
        AssertCarriesNoSecret(error, "jwt-after-drop");
    }

    [Fact]
    public async Task A_vault_that_stays_unavailable_fails_as_VaultError_after_the_client_retries()
    {
        _vault.SetSecret("dashboard-api-token", "token-after-outage");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault, maxRetries: 2);
        await host.Services.GetSecretClient().GetSecretAsync("odoo-api-key");
        _vault.FailNext(KeyVaultFault.ServiceUnavailable, count: 3);

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardApiToken.GetValueAsync().AsTask());

        Assert.Equal(SecretUnavailableReason.VaultError, error.Reason);
        Assert.Equal(503, error.Status);
        Assert.Equal(3, _vault.ReadCount("dashboard-api-token"));
        host.Clock.Advance(SecretsOptions.DefaultFailureTtl * 1.5); // a failure is remembered for a short while
        Assert.Equal("token-after-outage", await host.Secrets.DashboardApiToken.GetValueAsync());
        AssertCarriesNoSecret(error, "token-after-outage");
    }

    [Fact]
    public async Task A_failed_read_is_remembered_for_a_short_jittered_while_then_the_vault_is_asked_again()
    {
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());
        }

        host.Secrets.DashboardJwtSecret.Invalidate();
        await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());
        Assert.Equal(1, _vault.ReadCount("dashboard-jwt-secret"));

        host.Clock.Advance(SecretsOptions.DefaultFailureTtl * 0.99);
        await Assert.ThrowsAsync<SecretUnavailableException>(() => host.Secrets.DashboardJwtSecret.GetValueAsync().AsTask());
        Assert.Equal(1, _vault.ReadCount("dashboard-jwt-secret"));

        _vault.SetSecret("dashboard-jwt-secret", "jwt-after-the-fix");
        host.Clock.Advance(SecretsOptions.DefaultFailureTtl * 0.52);
        Assert.Equal("jwt-after-the-fix", await host.Secrets.DashboardJwtSecret.GetValueAsync());
        Assert.Equal(2, _vault.ReadCount("dashboard-jwt-secret"));
    }

    private void AssertCarriesNoSecret(SecretUnavailableException error, params string[] values)
    {
        // ToString covers the message, the inner exceptions and their messages.
        var text = error.ToString();
        foreach (var value in values.Append(OtherSecretValue).Append(_vault.AccessToken))
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
