using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>Secrets read through the real SecretClient from the Key Vault double, cached by <see cref="CachedSecret"/>.</summary>
public sealed class KeyVaultSecretReadTests : IAsyncLifetime
{
    private KeyVaultDoubleServer _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultDoubleServer.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Fact]
    public async Task Reads_a_secret_through_the_bearer_challenge_with_the_vault_scope_and_tenant()
    {
        _vault.SetSecret("dashboard-jwt-secret", "jwt-secret-value-1");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        var value = await host.Secrets.DashboardJwtSecret.GetValueAsync();

        Assert.Equal("jwt-secret-value-1", value);
        Assert.IsType<KeyVaultSecretSource>(host.Secrets.Source);
        Assert.Equal(1, _vault.ChallengeCount);
        Assert.Equal(1, _vault.ReadCount("dashboard-jwt-secret"));
        var tokenRequest = Assert.Single(host.Credential!.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], tokenRequest.Scopes);
        Assert.Equal(_vault.TenantId, tokenRequest.TenantId);
    }

    [Fact]
    public async Task A_second_read_is_served_from_the_cache_without_a_vault_call()
    {
        _vault.SetSecret("dashboard-api-token", "api-token-value-1");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);

        var first = await host.Secrets.DashboardApiToken.GetValueAsync();
        var second = await host.Secrets.DashboardApiToken.GetValueAsync();

        Assert.Equal("api-token-value-1", first);
        Assert.Equal(first, second);
        Assert.Equal(1, _vault.ReadCount("dashboard-api-token"));
    }

    [Fact]
    public async Task Two_hundred_concurrent_cold_reads_make_exactly_one_vault_read()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-value-1");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        _vault.HoldReads();

        var allAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = 0;
        var readers = Enumerable.Range(0, 200)
            .Select(_ => Task.Run(async () =>
            {
                var pending = host.Secrets.OdooApiKey.GetValueAsync();
                if (Interlocked.Increment(ref asked) == 200)
                {
                    allAsked.SetResult();
                }

                return await pending;
            }))
            .ToArray();
        await Task.WhenAll(allAsked.Task, _vault.WhenReadHeld);
        // All 200 callers have asked while the one vault read is still held open.
        var waiting = Task.WhenAll(readers);
        Assert.False(waiting.IsCompleted);
        _vault.ReleaseReads();
        var values = await waiting;

        Assert.All(values, value => Assert.Equal("odoo-key-value-1", value));
        Assert.Equal(1, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task Reads_the_vault_again_once_the_time_to_live_has_passed()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-before-expiry");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault, ("SECRET_CACHE_TTL", "00:10:00")), _vault);
        var secret = host.Secrets.OdooApiKey;
        Assert.Equal("odoo-key-before-expiry", await secret.GetValueAsync());
        _vault.SetSecret("odoo-api-key", "odoo-key-after-expiry");

        host.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var justBefore = await secret.GetValueAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await secret.GetValueAsync();

        Assert.Equal("odoo-key-before-expiry", justBefore);
        Assert.Equal("odoo-key-after-expiry", atExpiry);
        Assert.Equal(2, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task The_default_time_to_live_is_one_hour()
    {
        _vault.SetSecret("dashboard-api-token", "api-token-value-2");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        await host.Secrets.DashboardApiToken.GetValueAsync();

        host.Clock.Advance(TimeSpan.FromMinutes(59));
        await host.Secrets.DashboardApiToken.GetValueAsync();
        Assert.Equal(1, _vault.ReadCount("dashboard-api-token"));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Secrets.DashboardApiToken.GetValueAsync();
        Assert.Equal(2, _vault.ReadCount("dashboard-api-token"));
    }

    [Fact]
    public async Task Invalidate_forces_a_re_read_that_picks_up_a_rotated_value()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-old");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        var secret = host.Secrets.OdooApiKey;
        Assert.Equal("odoo-key-old", await secret.GetValueAsync());

        _vault.SetSecret("odoo-api-key", "odoo-key-rotated");
        var beforeInvalidate = await secret.GetValueAsync();
        secret.Invalidate();
        var afterInvalidate = await secret.GetValueAsync();

        Assert.Equal("odoo-key-old", beforeInvalidate);
        Assert.Equal("odoo-key-rotated", afterInvalidate);
        Assert.Equal(2, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_read_the_others_wait_for()
    {
        _vault.SetSecret("odoo-api-key", "odoo-key-shared");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        _vault.HoldReads();
        using var impatient = new CancellationTokenSource();

        var giveUp = host.Secrets.OdooApiKey.GetValueAsync(impatient.Token).AsTask();
        var patient = host.Secrets.OdooApiKey.GetValueAsync().AsTask();
        await _vault.WhenReadHeld;
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giveUp);
        _vault.ReleaseReads();

        Assert.Equal("odoo-key-shared", await patient);
        Assert.Equal(1, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task The_Odoo_key_secret_name_can_be_changed_by_setting()
    {
        _vault.SetSecret("odoo-key-production", "odoo-key-from-custom-name");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault, ("ODOO_API_KEY_SECRET_NAME", "odoo-key-production")), _vault);

        Assert.Equal("odoo-key-from-custom-name", await host.Secrets.OdooApiKey.GetValueAsync());
        Assert.Equal(0, _vault.ReadCount("odoo-api-key"));
    }

    [Fact]
    public async Task A_transient_503_is_retried_by_the_client_and_the_read_succeeds()
    {
        _vault.SetSecret("dashboard-jwt-secret", "jwt-after-503");
        using var host = new SecretsTestHost(SecretsTestHost.VaultSettings(_vault), _vault);
        // Warm up the challenge so the fault lands on the authenticated GET.
        _vault.SetSecret("warm-up", "x");
        await host.Services.GetSecretClient().GetSecretAsync("warm-up");
        _vault.FailNext(KeyVaultFault.ServiceUnavailable);

        Assert.Equal("jwt-after-503", await host.Secrets.DashboardJwtSecret.GetValueAsync());
        Assert.Equal(2, _vault.ReadCount("dashboard-jwt-secret"));
    }
}
