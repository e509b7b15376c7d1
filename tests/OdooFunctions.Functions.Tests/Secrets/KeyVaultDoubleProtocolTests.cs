using Azure;
using Azure.Security.KeyVault.Secrets;
using OdooFunctions.Doubles.KeyVault;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>The Key Vault double answers the real SecretClient as Key Vault does (set, versions, errors).</summary>
public sealed class KeyVaultDoubleProtocolTests : IAsyncLifetime
{
    private KeyVaultDoubleServer _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultDoubleServer.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task A_secret_set_through_SecretClient_reads_back_by_name_and_by_version()
    {
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        var client = host.Services.GetSecretClient();

        // The first request of a client is a PUT: the challenge round strips and then restores its body.
        var first = (await client.SetSecretAsync(new KeyVaultSecret("rotating-secret", "first-value") { Properties = { ContentType = "text/plain" } })).Value;
        var second = (await client.SetSecretAsync("rotating-secret", "second-value")).Value;
        var current = (await client.GetSecretAsync("rotating-secret")).Value;
        var older = (await client.GetSecretAsync("rotating-secret", first.Properties.Version)).Value;

        Assert.Equal("second-value", current.Value);
        Assert.Equal(second.Properties.Version, current.Properties.Version);
        Assert.Equal("first-value", older.Value);
        Assert.Equal("text/plain", older.Properties.ContentType);
        Assert.NotEqual(first.Properties.Version, second.Properties.Version);
        Assert.Equal(_vault.Uri, current.Properties.VaultUri);
        Assert.Equal("rotating-secret", current.Name);
        Assert.True(current.Properties.Enabled);
        Assert.Equal("Recoverable+Purgeable", current.Properties.RecoveryLevel);
        Assert.Equal(1, _vault.ChallengeCount);
    }

    [Fact]
    public async Task An_unknown_version_is_a_404_with_Key_Vaults_SecretNotFound_error()
    {
        _vault.SetSecret("versioned", "value");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => host.Services.GetSecretClient().GetSecretAsync("versioned", "0123456789abcdef0123456789abcdef"));

        Assert.Equal(404, error.Status);
        Assert.Equal("SecretNotFound", error.ErrorCode);
    }
}
