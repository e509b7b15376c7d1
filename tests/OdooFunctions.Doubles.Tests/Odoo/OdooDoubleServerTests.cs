using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

public sealed class OdooDoubleServerTests
{
    private static readonly JsonArray MoFields = new("name", "state", "product_qty", "qty_producing", "qty_produced");

    [Fact]
    public async Task Listens_on_loopback_with_a_random_port()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
    }

    [Fact]
    public async Task Counts_calls_per_model_method_and_per_rpc()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        await OdooRpc.CommonAsync(http, "authenticate", new JsonArray("odoo_test", server.Options.Login, key, new JsonObject()));
        await OdooRpc.ExecuteKwAsync(http, key, 7, "product.product", "search_count", new JsonArray(new JsonArray()));
        using var _ = await OdooRpc.Json2Async(http, key, "product.product", "search_count", new JsonObject { ["domain"] = new JsonArray() });

        Assert.Equal(1, server.Calls.Count("common.authenticate"));
        Assert.Equal(2, server.Calls.Count("product.product", "search_count"));
        Assert.Equal(3, server.Calls.Total);
        Assert.Equal(["jsonrpc", "jsonrpc", "json2"], server.Calls.Snapshot().Select(c => c.Protocol));
        server.Calls.Reset();
        Assert.Equal(0, server.Calls.Total);
        Assert.Empty(server.Calls.Snapshot());
    }

    [Fact]
    public async Task Rejects_the_old_key_after_rotation_and_accepts_the_new_one()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var oldKey = server.Options.ApiKey;
        server.RotateApiKey("rotated-key-abcdef0123456789");

        var authenticate = await OdooRpc.CommonAsync(http, "authenticate", new JsonArray("odoo_test", server.Options.Login, oldKey, new JsonObject()));
        Assert.False(authenticate["result"]!.GetValue<bool>());
        var denied = await OdooRpc.ExecuteKwAsync(http, oldKey, 7, "res.users", "context_get", []);
        Assert.Equal("odoo.exceptions.AccessDenied", denied["error"]!["data"]!["name"]!.GetValue<string>());
        using var unauthorized = await OdooRpc.Json2Async(http, oldKey, "res.users", "context_get", []);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        var accepted = await OdooRpc.ExecuteKwAsync(http, "rotated-key-abcdef0123456789", 7, "res.users", "context_get", []);
        Assert.Equal(7, accepted["result"]!["uid"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(OdooFault.Status500, 500)]
    [InlineData(OdooFault.Status502, 502)]
    [InlineData(OdooFault.Status503, 503)]
    [InlineData(OdooFault.Status504, 504)]
    [InlineData(OdooFault.HtmlPage, 200)]
    public async Task Injected_status_faults_answer_html_for_the_chosen_calls_only(OdooFault fault, int status)
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.FailNext(2, fault, "search_count");

        var other = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "product.product", "search_read", new JsonArray(new JsonArray()), new JsonObject { ["fields"] = new JsonArray("name"), ["limit"] = 1 });
        Assert.NotNull(other["result"]);
        for (var i = 0; i < 2; i++)
        {
            using var failed = await OdooRpc.Json2Async(http, server.Options.ApiKey, "product.product", "search_count", new JsonObject { ["domain"] = new JsonArray() });
            Assert.Equal(status, (int)failed.StatusCode);
            Assert.StartsWith("text/html", failed.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        }
        using var recovered = await OdooRpc.Json2Async(http, server.Options.ApiKey, "product.product", "search_count", new JsonObject { ["domain"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal("67", await recovered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_then_the_server_answers_again()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.FailNext(1, OdooFault.DropConnection);
        await Assert.ThrowsAsync<HttpRequestException>(() => OdooRpc.CommonAsync(http, "version", []));
        var version = await OdooRpc.CommonAsync(http, "version", []);
        Assert.Equal("19.0", version["result"]!["server_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hang_never_answers_until_the_client_cancels()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.FailNext(1, OdooFault.Hang, "search_read");
        using var cancel = new CancellationTokenSource();
        var call = OdooRpc.Json2Async(http, server.Options.ApiKey, "res.partner", "search_read", [], cancel.Token);
        await Task.Delay(200);
        Assert.False(call.IsCompleted);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(0, server.Faults.Remaining);
    }

    [Fact]
    public async Task Partial_mark_done_asks_for_the_backorder_wizard_and_keeps_the_order_in_progress()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var id = server.Store.AddManufacturingOrder(69, 5, "confirmed");
        await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "write", new JsonArray(new JsonArray(id), new JsonObject { ["qty_producing"] = 2 }));

        var wizard = await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(id)));
        Assert.Equal("mrp.production.backorder", wizard["result"]!["res_model"]!.GetValue<string>());
        Assert.Equal(id, wizard["result"]!["context"]!["default_mrp_production_ids"]![0]!.GetValue<long>());
        Assert.Equal("progress", server.Store.Get("mrp.production", id)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mark_done_with_a_backorder_finishes_the_order_and_creates_one_for_the_rest()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var id = server.Store.AddManufacturingOrder(69, 5, "confirmed");
        await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "write", new JsonArray(new JsonArray(id), new JsonObject { ["qty_producing"] = 2 }));
        var before = server.Store.All("mrp.production").Count;

        var done = await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(id)),
            new JsonObject { ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });

        Assert.True(done["result"]!.GetValue<bool>());
        var order = server.Store.Get("mrp.production", id)!;
        Assert.Equal("done", order["state"]!.GetValue<string>());
        Assert.Equal(2, order["qty_produced"]!.GetValue<double>());
        var backorder = Assert.Single(server.Store.All("mrp.production"), r => r["id"]!.GetValue<long>() > id);
        Assert.Equal(before + 1, server.Store.All("mrp.production").Count);
        Assert.Equal(3, backorder["product_qty"]!.GetValue<double>());
        Assert.Equal("confirmed", backorder["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Serves_two_hundred_parallel_calls_without_losing_a_write()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Latency = TimeSpan.FromMilliseconds(5) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var calls = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "create", new JsonArray(new JsonObject { ["product_id"] = 69, ["product_qty"] = 1, ["origin"] = $"PAR-{i}" }))
            : OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "search_count", new JsonArray(new JsonArray())));
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, a => Assert.Null(a["error"]));
        var created = answers.Where((_, i) => i % 2 == 0).Select(a => a["result"]!.GetValue<long>()).ToList();
        Assert.Equal(100, created.Distinct().Count());
        Assert.Equal(100, server.Store.All("mrp.production").Count(r => r["origin"]?.ToString().StartsWith("PAR-", StringComparison.Ordinal) == true));
        Assert.Equal(200, server.Calls.Total);
    }

    [Fact]
    public async Task Behaves_as_17_without_json2_and_action_start()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "17.0" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var json2 = await OdooRpc.Json2Async(http, server.Options.ApiKey, "res.partner", "search_count", new JsonObject { ["domain"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.NotFound, json2.StatusCode);
        var start = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 8, "mrp.production", "action_start", new JsonArray(new JsonArray(8)));
        Assert.Equal("builtins.AttributeError", start["error"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal(200, start["error"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Options_never_show_the_key()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = "super-secret-key-value" });
        Assert.DoesNotContain("super-secret-key-value", server.Options.ToString(), StringComparison.Ordinal);
    }
}
