using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Odoo.Tests;

/// <summary>Reads are retried on transient failures; creates, writes and actions never are.</summary>
public sealed class OdooClientRetryTests
{
    [Theory]
    [InlineData("19.0", OdooFault.Status503)]
    [InlineData("19.0", OdooFault.Status502)]
    [InlineData("19.0", OdooFault.Status504)]
    [InlineData("19.0", OdooFault.DropConnection)]
    [InlineData("17.0", OdooFault.Status503)]
    [InlineData("19.0", OdooFault.Status500)]
    [InlineData("17.0", OdooFault.Status500)]
    public async Task A_read_is_retried_on_a_transient_failure_and_succeeds(string version, OdooFault fault)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, configure: o => o.MaxReadRetries = 2);
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(2, fault, "search_read");

        var records = await odoo.Client.SearchReadAsync("res.partner", OdooDomain.Where("is_company", "=", true), ["name"], limit: 3);

        Assert.NotEmpty(records);
        Assert.Equal(0, odoo.Server.Faults.Remaining);
    }

    [Fact]
    public async Task A_read_that_keeps_failing_gives_up_after_the_configured_retries()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o => o.MaxReadRetries = 2);
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(5, OdooFault.Status503, "search_count");

        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));

        Assert.Equal(2, odoo.Server.Faults.Remaining); // 1 attempt + 2 retries took 3 of the 5
    }

    [Fact]
    public async Task A_read_that_hangs_is_retried_after_the_attempt_timeout()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxReadRetries = 1;
        });
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.Hang, "search_count");

        var count = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        Assert.True(count > 0);
        Assert.Equal(0, odoo.Server.Faults.Remaining);
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2)]
    [InlineData("17.0", OdooProtocol.JsonRpc)]
    public async Task A_create_is_not_retried_on_a_503(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol, o => o.MaxReadRetries = 3);
        var before = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        odoo.Server.Faults.FailNext(2, OdooFault.Status503, "create");

        await Assert.ThrowsAsync<OdooUnavailableException>(() =>
            odoo.Client.CreateAsync("res.partner", new JsonObject { ["name"] = "Not twice Ltd" }));

        Assert.Equal(1, odoo.Server.Faults.Remaining);
        Assert.Equal(before, await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Theory]
    [InlineData(OdooFault.Status503)]
    [InlineData(OdooFault.DropConnection)]
    public async Task Writes_and_actions_are_not_retried(OdooFault fault)
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o => o.MaxReadRetries = 3);
        var mo = (await odoo.Client.SearchReadAsync("mrp.production", OdooDomain.Where("state", "=", "draft"), ["id"], limit: 1)).Single();
        var id = mo["id"]!.GetValue<long>();
        odoo.Server.Faults.FailNext(2, fault, "write");
        odoo.Server.Faults.FailNext(2, fault, "action_confirm");

        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.WriteAsync("mrp.production", [id], new JsonObject { ["origin"] = "x" }));
        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.CallAsync("mrp.production", "action_confirm", [id]));

        Assert.Equal(2, odoo.Server.Faults.Remaining);
    }

    [Theory]
    [InlineData(OdooProtocol.Json2)]
    [InlineData(OdooProtocol.JsonRpc)]
    public async Task A_write_answered_the_pool_full_page_is_not_retried(OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", protocol, o => o.MaxReadRetries = 3);
        var before = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        odoo.Server.Faults.FailNext(2, OdooFault.Status500, "create");

        await Assert.ThrowsAsync<OdooServerException>(() =>
            odoo.Client.CreateAsync("res.partner", new JsonObject { ["name"] = "Not twice either Ltd" }));

        Assert.Equal(1, odoo.Server.Faults.Remaining);
        Assert.Equal(before, await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Fact]
    public async Task A_500_carrying_an_Odoo_error_is_not_retried()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", OdooProtocol.Json2, o => o.MaxReadRetries = 3);
        await odoo.Client.ConnectAsync();
        var before = odoo.Server.Calls.Count("res.partner", "search_read");

        // An unknown field is Odoo's own ValueError in JSON (HTTP 500 on JSON-2): the same call fails again.
        await Assert.ThrowsAnyAsync<OdooException>(() => odoo.Client.SearchReadAsync("res.partner", OdooDomain.All, ["name", "no_such_field"]));

        Assert.Equal(before + 1, odoo.Server.Calls.Count("res.partner", "search_read"));
    }

    [Fact]
    public async Task The_login_is_retried_on_a_transient_failure()
    {
        await using var odoo = await OdooTestContext.StartAsync("17.0");
        odoo.Server.Faults.FailNext(1, OdooFault.Status503, "common.authenticate");

        var connection = await odoo.Client.ConnectAsync();

        Assert.Equal(8, connection.Uid);
        Assert.Equal(0, odoo.Server.Faults.Remaining);
    }

    [Fact]
    public async Task A_failed_login_is_not_cached()
    {
        await using var odoo = await OdooTestContext.StartAsync("17.0", configure: o => o.MaxReadRetries = 0);
        odoo.Server.Faults.FailNext(1, OdooFault.Status503, "common.authenticate");

        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
        var count = await odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);

        Assert.True(count > 0);
    }
}
