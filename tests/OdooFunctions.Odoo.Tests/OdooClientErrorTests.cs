using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Odoo.Tests;

/// <summary>Each failure Odoo (or the way to it) can produce maps to its own exception, on both protocols.</summary>
public sealed class OdooClientErrorTests
{
    public static TheoryData<string, OdooProtocol> Servers => OdooClientCallTests.Servers;

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task An_unknown_model_is_not_found(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var error = await Assert.ThrowsAsync<OdooNotFoundException>(() =>
            odoo.Client.SearchReadAsync("x.nonexistent.model", OdooDomain.All, ["name"]));

        Assert.Equal("x.nonexistent.model", error.Model);
        Assert.Contains("x.nonexistent.model", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task An_unknown_method_is_not_found(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var error = await Assert.ThrowsAsync<OdooNotFoundException>(() => odoo.Client.CallAsync("mrp.production", "does_not_exist", [1]));

        Assert.Equal("does_not_exist", error.Method);
    }

    [Fact]
    public async Task Action_start_does_not_exist_on_17()
    {
        await using var odoo = await OdooTestContext.StartAsync("17.0");

        var error = await Assert.ThrowsAsync<OdooNotFoundException>(() => odoo.Client.CallAsync("mrp.production", "action_start", [1]));

        Assert.EndsWith("AttributeError", error.Error!.Name, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_private_method_is_an_access_error(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var error = await Assert.ThrowsAsync<OdooAccessException>(() => odoo.Client.CallAsync("mrp.production", "_compute_state", [1]));

        Assert.Equal("odoo.exceptions.AccessError", error.Error!.Name);
        Assert.Equal(protocol == OdooProtocol.Json2 ? 403 : 200, error.Error.HttpStatus);
    }

    [Theory]
    [InlineData(OdooProtocol.Json2)]
    [InlineData(OdooProtocol.JsonRpc)]
    public async Task Reading_every_field_of_an_order_on_19_is_an_access_error_for_the_api_user(OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", protocol);

        await Assert.ThrowsAsync<OdooAccessException>(() =>
            odoo.Client.SearchReadAsync("mrp.production", OdooDomain.All, [], limit: 1));
    }

    [Theory]
    [InlineData("19.0", OdooProtocol.Json2, "mobile")]
    [InlineData("19.0", OdooProtocol.JsonRpc, "mobile")]
    [InlineData("17.0", OdooProtocol.JsonRpc, "is_storable")]
    public async Task A_field_of_the_other_version_is_a_server_error_naming_it(string version, OdooProtocol protocol, string field)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);
        var model = field == "mobile" ? "res.partner" : "product.product";

        var error = await Assert.ThrowsAsync<OdooServerException>(() => odoo.Client.SearchReadAsync(model, OdooDomain.All, ["name", field], limit: 1));

        Assert.Equal("builtins.ValueError", error.Error!.Name);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_missing_required_field_is_a_validation_error(string version, OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync(version, protocol);

        var error = await Assert.ThrowsAsync<OdooValidationException>(() =>
            odoo.Client.CreateAsync("mrp.production", new JsonObject { ["product_qty"] = 1 }));

        Assert.Equal("odoo.exceptions.ValidationError", error.Error!.Name);
    }

    [Theory]
    [InlineData(OdooProtocol.Json2)]
    [InlineData(OdooProtocol.JsonRpc)]
    public async Task Cancelling_a_done_order_on_19_is_a_validation_error(OdooProtocol protocol)
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", protocol);
        var done = (await odoo.Client.SearchReadAsync("mrp.production", OdooDomain.Where("state", "=", "done"), ["id"], limit: 1)).Single();

        var error = await Assert.ThrowsAsync<OdooValidationException>(() =>
            odoo.Client.CallAsync("mrp.production", "action_cancel", [done["id"]!.GetValue<long>()]));

        Assert.Equal("odoo.exceptions.UserError", error.Error!.Name);
        Assert.Contains("already done", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_database_on_JSON_2_is_an_unexpected_HTML_answer()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", OdooProtocol.Json2, database: "no_such_db");

        var error = await Assert.ThrowsAsync<OdooUnexpectedResponseException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));

        Assert.Equal(404, error.Error!.HttpStatus);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JSON_2_against_a_17_server_is_an_unexpected_HTML_answer()
    {
        await using var odoo = await OdooTestContext.StartAsync("17.0", OdooProtocol.Json2);

        await Assert.ThrowsAsync<OdooUnexpectedResponseException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Fact]
    public async Task An_HTML_page_instead_of_JSON_is_an_unexpected_answer()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0");
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.HtmlPage, "search_count");

        await Assert.ThrowsAsync<OdooUnexpectedResponseException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Theory]
    [InlineData(OdooProtocol.Json2)]
    [InlineData(OdooProtocol.JsonRpc)]
    public async Task An_internal_server_error_is_a_server_error(OdooProtocol protocol)
    {
        // Without retries: the page is transient for reads now, and a retry would succeed.
        await using var odoo = await OdooTestContext.StartAsync("19.0", protocol, o => o.MaxReadRetries = 0);
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.Status500, "search_count");

        var error = await Assert.ThrowsAsync<OdooServerException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));

        Assert.Equal(500, error.Error!.HttpStatus);
    }

    [Fact]
    public async Task A_dropped_connection_is_unavailable()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o => o.MaxReadRetries = 0);
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.DropConnection, "search_count");

        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Fact]
    public async Task Nothing_listening_is_unavailable()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o =>
        {
            o.Url = new Uri("http://127.0.0.1:9/");
            o.MaxReadRetries = 1;
        });

        await Assert.ThrowsAsync<OdooUnavailableException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxReadRetries = 0;
        });
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.Hang, "search_count");

        await Assert.ThrowsAsync<OdooTimeoutException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_an_Odoo_error()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0");
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.Hang, "search_count");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => odoo.Client.SearchCountAsync("res.partner", OdooDomain.All, cancel.Token));
    }
}
