
namespace OdooFunctions.Odoo.Tests;

/// <summary>Protocol detection, the single-flight login and key rotation.</summary>
public sealed class OdooClientConnectionTests
{
    [Theory]
    [InlineData("19.0", OdooProtocol.Json2, 7L)]
    [InlineData("18.0", OdooProtocol.JsonRpc, 8L)]
    [InlineData("17.0", OdooProtocol.JsonRpc, 8L)]
    [InlineData("16.0", OdooProtocol.JsonRpc, 8L)]
    public async Task Auto_detects_the_version_once_and_uses_JSON_2_from_19_on(string version, OdooProtocol expected, long uid)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);

        var connection = await odoo.Client.ConnectAsync();
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        var again = await odoo.Client.GetServerVersionAsync();

        Assert.Equal(expected, connection.Protocol);
        Assert.Equal(uid, connection.Uid);
        Assert.Equal(int.Parse(version[..2], System.Globalization.CultureInfo.InvariantCulture), connection.Version.Major);
        Assert.Same(connection.Version, again);
        Assert.Equal(1, odoo.Server.Calls.Count("common.version"));
        var count = Assert.Single(odoo.Server.Calls.Snapshot(), c => c.Method == "search_count");
        Assert.Equal(expected == OdooProtocol.Json2 ? "json2" : "jsonrpc", count.Protocol);
    }

    [Fact]
    public async Task Json2_connect_takes_the_uid_from_context_get_without_a_login()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", OdooProtocol.Json2);

        var connection = await odoo.Client.ConnectAsync();

        Assert.Equal(7, connection.Uid);
        Assert.Equal(OdooProtocol.Json2, connection.Protocol);
        Assert.Equal(1, odoo.Server.Calls.Count("res.users", "context_get"));
        Assert.Equal(0, odoo.Server.Calls.Count("common.authenticate"));
    }

    [Fact]
    public async Task A_forced_protocol_is_used_without_asking_the_version()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", OdooProtocol.JsonRpc);

        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        Assert.Equal(0, odoo.Server.Calls.Count("common.version"));
        Assert.Equal(1, odoo.Server.Calls.Count("common.authenticate"));
    }

    [Theory]
    [InlineData("17.0", OdooProtocol.Auto)]
    [InlineData("19.0", OdooProtocol.JsonRpc)]
    public async Task Two_hundred_concurrent_calls_on_a_cold_client_log_in_once(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var counts = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => odoo.Client.SearchCountAsync("product.product", OdooDomain.All))));

        Assert.Equal(1, odoo.Server.Calls.Count("common.authenticate"));
        Assert.Equal(1, odoo.Keys.Reads);
        Assert.Equal(200, odoo.Server.Calls.Count("product.product", "search_count"));
        Assert.Single(counts.Distinct());
        Assert.True(odoo.Server.Calls.Count("common.version") <= 1);
    }

    [Fact]
    public async Task Two_hundred_concurrent_JSON_2_calls_on_a_cold_client_read_the_key_once()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0");

        await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(_ => Task.Run(() => odoo.Client.SearchCountAsync("product.product", OdooDomain.All))));

        Assert.Equal(1, odoo.Keys.Reads);
        Assert.Equal(1, odoo.Server.Calls.Count("common.version"));
        Assert.Equal(200, odoo.Server.Calls.Count("product.product", "search_count"));
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("19.0", OdooProtocol.JsonRpc)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task A_rotated_key_is_picked_up_without_restart(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        var newKey = "rotated-" + Guid.NewGuid().ToString("N");
        odoo.Server.RotateApiKey(newKey);
        odoo.Keys.VaultKey = newKey;
        var count = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        var later = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        Assert.True(count > 0);
        Assert.Equal(count, later);
        Assert.Equal(1, odoo.Keys.Invalidations);
        Assert.Equal(2, odoo.Keys.Reads);
        Assert.Equal(protocol == OdooProtocol.JsonRpc ? 2 : 0, odoo.Server.Calls.Count("common.authenticate"));
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task A_key_still_rejected_after_one_fresh_read_fails_with_an_authentication_error(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        odoo.Server.RotateApiKey("rotated-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<OdooAuthenticationException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));

        Assert.Equal(1, odoo.Keys.Invalidations);
        Assert.Equal(2, odoo.Keys.Reads);
        Assert.DoesNotContain(odoo.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task A_wrong_key_from_the_start_fails_with_an_authentication_error(string version, OdooProtocol protocol)
    {
        const string WrongKey = "0123456789abcdef0123456789abcdef01234567";
        await using var odoo = await OdooTestContext.StartAsync(version, protocol, vaultKey: WrongKey);

        var error = await Assert.ThrowsAsync<OdooAuthenticationException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));

        Assert.DoesNotContain(WrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, odoo.Keys.Reads);
    }

    [Fact]
    public async Task Concurrent_calls_rejected_with_the_same_old_key_renew_it_once()
    {
        await using var odoo = await OdooTestContext.StartAsync("17.0");
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        var newKey = "rotated-" + Guid.NewGuid().ToString("N");
        odoo.Server.RotateApiKey(newKey);
        odoo.Keys.VaultKey = newKey;
        odoo.Server.Calls.Reset();

        await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All))));

        Assert.Equal(1, odoo.Server.Calls.Count("common.authenticate"));
        Assert.Equal(1, odoo.Keys.Invalidations);
        Assert.Equal(2, odoo.Keys.Reads);
    }
    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task A_revoked_key_is_read_again_and_tried_at_most_once_per_renewal_interval(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol, configure: options => options.RenewalInterval = TimeSpan.FromMilliseconds(700));
        await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        odoo.Server.RotateApiKey("revoked-" + Guid.NewGuid().ToString("N")); // the "vault" keeps the old key
        var logins = odoo.Server.Calls.Count("common.authenticate");

        for (var i = 0; i < 20; i++)
        {
            await Assert.ThrowsAsync<OdooAuthenticationException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
        }

        Assert.Equal((1, 2), (odoo.Keys.Invalidations, odoo.Keys.Reads));
        Assert.Equal(protocol == OdooProtocol.JsonRpc ? 1 : 0, odoo.Server.Calls.Count("common.authenticate") - logins);

        // After the interval a fresh key is looked for again, and a rotated one is picked up.
        await Task.Delay(TimeSpan.FromMilliseconds(800));
        var rotated = "rotated-" + Guid.NewGuid().ToString("N");
        odoo.Server.RotateApiKey(rotated);
        odoo.Keys.VaultKey = rotated;
        Assert.True(await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All) > 0);
        Assert.Equal((2, 3), (odoo.Keys.Invalidations, odoo.Keys.Reads));
    }
}
