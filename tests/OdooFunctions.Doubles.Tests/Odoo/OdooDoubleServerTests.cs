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
    public async Task Drop_after_commit_keeps_the_created_order_but_the_client_gets_no_answer()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.FailNext(1, OdooFault.DropAfterCommit, "create");

        await Assert.ThrowsAsync<HttpRequestException>(() => OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "create",
            new JsonArray(new JsonObject { ["product_id"] = 69, ["product_qty"] = 3, ["origin"] = "DROP-RPC" })));

        var created = Assert.Single(server.Store.All("mrp.production"), r => r["origin"]?.ToString() == "DROP-RPC");
        Assert.Equal("draft", created["state"]!.GetValue<string>());
        Assert.Equal(0, server.Faults.Remaining);
        var again = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "search_count",
            new JsonArray(new JsonArray(new JsonArray("origin", "=", "DROP-RPC"))));
        Assert.Equal(1, again["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task Drop_after_commit_over_json2_keeps_the_write()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var id = server.Store.AddManufacturingOrder(69, 5, "confirmed");
        server.Faults.FailNext(1, OdooFault.DropAfterCommit, "create");
        server.Faults.FailNext(1, OdooFault.DropAfterCommit, "write");

        await Assert.ThrowsAsync<HttpRequestException>(() => OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "create",
            new JsonObject { ["vals_list"] = new JsonArray(new JsonObject { ["product_id"] = 69, ["origin"] = "DROP-JSON2" }) }));
        await Assert.ThrowsAsync<HttpRequestException>(() => OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "write",
            new JsonObject { ["ids"] = new JsonArray(id), ["vals"] = new JsonObject { ["qty_producing"] = 2 } }));

        Assert.Single(server.Store.All("mrp.production"), r => r["origin"]?.ToString() == "DROP-JSON2");
        var written = server.Store.Get("mrp.production", id)!;
        Assert.Equal(2, written["qty_producing"]!.GetValue<double>());
        Assert.Equal("progress", written["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analytic_access_error_answers_19s_error_for_the_api_user_and_rolls_the_backorder_back()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var id = server.Store.AddManufacturingOrder(69, 5, "confirmed");
        await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "write", new JsonArray(new JsonArray(id), new JsonObject { ["qty_producing"] = 2 }));
        var before = server.Store.All("mrp.production");
        server.Faults.FailNext(1, OdooFault.AnalyticAccessError, "button_mark_done");

        var failed = await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(id)),
            new JsonObject { ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });

        var recorded = OdooWebhookRecording.Load("19.0", "05-f-button-mark-done-backorder.json").Response["error"]!;
        Assert.Equal(0, failed["error"]!["code"]!.GetValue<int>());
        Assert.Equal("odoo.exceptions.AccessError", failed["error"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal(recorded["data"]!["message"]!.GetValue<string>(), failed["error"]!["data"]!["message"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(recorded["data"]!["arguments"], failed["error"]!["data"]!["arguments"]));
        Assert.Null(failed["result"]);
        var after = server.Store.All("mrp.production");
        Assert.Equal(before.Count, after.Count);
        var order = server.Store.Get("mrp.production", id)!;
        Assert.Equal("progress", order["state"]!.GetValue<string>());
        Assert.Equal(2, order["qty_producing"]!.GetValue<double>());
        Assert.Equal(5, order["product_qty"]!.GetValue<double>());
        Assert.Equal($"WH/MO/{id:00000}", order["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analytic_access_error_over_json2_is_403_and_changes_nothing()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var id = server.Store.AddManufacturingOrder(69, 5, "progress");
        await RecordProducedAsync(http, server.Options.ApiKey, 7, id, 2);
        server.Faults.FailNext(1, OdooFault.AnalyticAccessError, "button_mark_done");

        using var failed = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "button_mark_done",
            new JsonObject { ["ids"] = new JsonArray(id), ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });

        Assert.Equal(HttpStatusCode.Forbidden, failed.StatusCode);
        var body = JsonNode.Parse(await failed.Content.ReadAsStringAsync())!;
        Assert.Equal(["name", "message", "arguments", "context", "debug"], body.AsObject().Select(p => p.Key));
        Assert.Equal("odoo.exceptions.AccessError", body["name"]!.GetValue<string>());
        Assert.StartsWith("Failed to read field stock.move.analytic_account_line_ids\nYou are not allowed to access 'Analytic Line' (account.analytic.line) records.\n\nThis operation is allowed for the following groups:\n\t- Accounting/Administrator\n",
            body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var order = server.Store.Get("mrp.production", id)!;
        Assert.Equal("progress", order["state"]!.GetValue<string>());
        Assert.Equal(2, order["qty_producing"]!.GetValue<double>());
        Assert.DoesNotContain(server.Store.All("mrp.production"), r => r["id"]!.GetValue<long>() > id);

        // The fault is spent: the same call now makes the backorder.
        using var done = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "button_mark_done",
            new JsonObject { ["ids"] = new JsonArray(id), ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("done", server.Store.Get("mrp.production", id)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Consumption_warning_over_json2_answers_the_recorded_wizard_for_the_called_order_and_changes_nothing()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var id = server.Store.AddManufacturingOrder(69, 5, "to_close");
        var before = server.Store.Get("mrp.production", id)!;
        server.Faults.FailNext(1, OdooFault.ConsumptionWarning);

        // A fault queued for any method waits for button_mark_done.
        using var other = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "search_count", new JsonObject { ["domain"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(1, server.Faults.Remaining);
        using var warned = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "button_mark_done", new JsonObject { ["ids"] = new JsonArray(id) });

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var action = JsonNode.Parse(await warned.Content.ReadAsStringAsync())!;
        Assert.Equal("mrp.consumption.warning", action["res_model"]!.GetValue<string>());
        Assert.Equal("mrp.action_mrp_consumption_warning", action["xml_id"]!.GetValue<string>());
        Assert.Equal("Consumption Warning", action["name"]!.GetValue<string>());
        Assert.Equal("new", action["target"]!.GetValue<string>());
        Assert.Equal([id], action["context"]!["default_mrp_production_ids"]!.AsArray().Select(n => n!.GetValue<long>()));
        var line = Assert.Single(action["context"]!["default_mrp_consumption_warning_line_ids"]!.AsArray())!.AsArray();
        Assert.Equal(id, line[2]!["mrp_production_id"]!.GetValue<long>());
        Assert.Equal("warning", line[2]!["consumption"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before, server.Store.Get("mrp.production", id)));

        // Confirming the wizard (skip_consumption) finishes the order.
        server.Faults.FailNext(1, OdooFault.ConsumptionWarning, "button_mark_done");
        using var confirmed = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "button_mark_done",
            new JsonObject { ["ids"] = new JsonArray(id), ["context"] = new JsonObject { ["skip_consumption"] = true } });
        Assert.Equal("true", await confirmed.Content.ReadAsStringAsync());
        Assert.Equal("done", server.Store.Get("mrp.production", id)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Consumption_warning_is_only_for_button_mark_done()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        Assert.Throws<ArgumentException>(() => server.Faults.FailNext(1, OdooFault.ConsumptionWarning, "action_confirm"));
        Assert.Equal(0, server.Faults.Remaining);
    }

    [Fact]
    public async Task Partial_mark_done_asks_for_the_backorder_wizard_and_keeps_the_order_in_progress()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var id = server.Store.AddManufacturingOrder(69, 5, "confirmed");
        await RecordProducedAsync(http, key, 7, id, 2);

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
        await RecordProducedAsync(http, key, 7, id, 2);
        var before = server.Store.All("mrp.production").Count;

        var done = await OdooRpc.ExecuteKwAsync(http, key, 7, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(id)),
            new JsonObject { ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });

        var order = server.Store.Get("mrp.production", id)!;
        Assert.Equal("done", order["state"]!.GetValue<string>());
        Assert.Equal(2, order["qty_produced"]!.GetValue<double>());
        Assert.Equal(2, order["product_qty"]!.GetValue<double>());
        Assert.Equal($"WH/MO/{id:00000}-001", order["name"]!.GetValue<string>());
        Assert.Equal(1, order["backorder_sequence"]!.GetValue<long>());
        var backorder = Assert.Single(server.Store.All("mrp.production"), r => r["id"]!.GetValue<long>() > id);
        Assert.Equal(before + 1, server.Store.All("mrp.production").Count);
        Assert.Equal(3, backorder["product_qty"]!.GetValue<double>());
        Assert.Equal("confirmed", backorder["state"]!.GetValue<string>());
        Assert.Equal($"WH/MO/{id:00000}-002", backorder["name"]!.GetValue<string>());
        Assert.Equal(2, backorder["backorder_sequence"]!.GetValue<long>());
        // Not true: Odoo answers an action that opens the backorder (webhook recordings 17.0/05-f, 19.0/05-h).
        var expected = new JsonObject
        {
            ["res_model"] = "mrp.production",
            ["type"] = "ir.actions.act_window",
            ["context"] = new JsonObject { ["skip_backorder"] = false, ["mo_ids_to_backorder"] = null },
            ["views"] = new JsonArray(new JsonArray(false, "form")),
            ["view_mode"] = "form",
            ["res_id"] = backorder["id"]!.GetValue<long>(),
        };
        Assert.Equal(expected.ToJsonString(), done["result"]!.ToJsonString());
    }

    [Fact]
    public async Task Mark_done_of_a_backorder_with_a_backorder_numbers_on_in_the_same_family()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "17.0" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var context = (long mo) => new JsonObject { ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(mo), ["default_origin"] = "x", ["lang"] = "en_US" } };
        var id = server.Store.AddManufacturingOrder(54, 6, "confirmed");
        await RecordProducedAsync(http, key, 8, id, 2);
        var first = await OdooRpc.ExecuteKwAsync(http, key, 8, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(id)), context(id));
        var second = first["result"]!["res_id"]!.GetValue<long>();
        await RecordProducedAsync(http, key, 8, second, 1);

        var next = await OdooRpc.ExecuteKwAsync(http, key, 8, "mrp.production", "button_mark_done", new JsonArray(new JsonArray(second)), context(second));

        // default_* keys are dropped, skip_* become false, the rest of the context is passed on.
        Assert.Equal("""{"skip_backorder":false,"mo_ids_to_backorder":null,"lang":"en_US"}""", next["result"]!["context"]!.ToJsonString());
        var third = server.Store.Get("mrp.production", next["result"]!["res_id"]!.GetValue<long>())!;
        Assert.Equal($"WH/MO/{id:00000}-003", third["name"]!.GetValue<string>());
        Assert.Equal(3, third["backorder_sequence"]!.GetValue<long>());
        Assert.Equal(3, third["product_qty"]!.GetValue<double>());
        var done = server.Store.Get("mrp.production", second)!;
        Assert.Equal($"WH/MO/{id:00000}-002", done["name"]!.GetValue<string>());
        Assert.Equal("done", done["state"]!.GetValue<string>());
        Assert.Equal(1, done["product_qty"]!.GetValue<double>());
    }

    [Fact]
    public async Task Action_start_is_for_one_order_at_a_time()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        long a = server.Store.AddManufacturingOrder(69, 5, "confirmed"), b = server.Store.AddManufacturingOrder(69, 5, "confirmed");

        var both = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "action_start", new JsonArray(new JsonArray(a, b)));

        Assert.Equal("builtins.ValueError", both["error"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal($"Expected singleton: mrp.production({a}, {b})", both["error"]!["data"]!["message"]!.GetValue<string>());
        Assert.All(new[] { a, b }, id => Assert.Equal("confirmed", server.Store.Get("mrp.production", id)!["state"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("19.0", 7, "Mitchell Admin")]
    [InlineData("17.0", 8, "OdooBot")]
    public async Task Create_uid_is_the_api_user_for_its_creates_and_can_be_searched_with_create_date(string version, long uid, string seededCreator)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var key = server.Options.ApiKey;
        var product = version == "19.0" ? 69 : 54;
        var created = (await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "create",
            new JsonArray(new JsonObject { ["product_id"] = product, ["product_qty"] = 2, ["origin"] = "MINE-1" })))["result"]!.GetValue<long>();
        var added = server.Store.AddManufacturingOrder(product, 1, "confirmed");
        var fields = new JsonObject { ["fields"] = new JsonArray("origin", "create_uid", "create_date"), ["order"] = "id" };

        var mine = (await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "read", new JsonArray(new JsonArray(created, 8), fields["fields"]!.DeepClone())))["result"]!.AsArray();
        Assert.Equal($"[{uid},\"API Integration (C#)\"]", mine[0]!["create_uid"]!.ToJsonString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", mine[0]!["create_date"]!.GetValue<string>());
        // Seeded records keep the recorded creator (17.0 read MO 8 back: OdooBot), else the administrator.
        Assert.Equal(seededCreator, mine[1]!["create_uid"]![1]!.GetValue<string>());

        var since = mine[0]!["create_date"]!.GetValue<string>();
        var byMe = await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "search_read",
            new JsonArray(new JsonArray(new JsonArray("create_uid", "=", uid), new JsonArray("create_date", ">=", since))), fields);
        Assert.Equal([created, added], byMe["result"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()));
        var later = await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "search_count",
            new JsonArray(new JsonArray(new JsonArray("create_date", ">=", "2099-01-01 00:00:00"))));
        Assert.Equal(0, later["result"]!.GetValue<int>());
        var byLogin = await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "search",
            new JsonArray(new JsonArray(new JsonArray("create_uid.login", "=", server.Options.Login))));
        Assert.Equal([created, added], byLogin["result"]!.AsArray().Select(r => r!.GetValue<long>()));
        var notMine = await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "search",
            new JsonArray(new JsonArray(new JsonArray("create_uid", "!=", uid))));
        Assert.DoesNotContain(created, notMine["result"]!.AsArray().Select(r => r!.GetValue<long>()));
        Assert.Contains(8, notMine["result"]!.AsArray().Select(r => r!.GetValue<long>()));
    }

    [Fact]
    public async Task Create_uid_over_json2_and_for_backorders_is_the_caller()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var create = await OdooRpc.Json2Async(http, server.Options.ApiKey, "res.partner", "create",
            new JsonObject { ["vals_list"] = new JsonArray(new JsonObject { ["name"] = "Created by the API" }) });
        var partner = JsonNode.Parse(await create.Content.ReadAsStringAsync())![0]!.GetValue<long>();
        Assert.Equal("[7,\"API Integration (C#)\"]", server.Store.Get("res.partner", partner)!["create_uid"]!.ToJsonString());

        var id = server.Store.Add("mrp.production", new JsonObject
        {
            ["name"] = "WH/MO/00099", ["product_id"] = new JsonArray(69, "[MFG-FG-1001] Gear Pump GP-100"), ["product_qty"] = 4.0, ["state"] = "progress",
            ["qty_producing"] = 1.0, ["qty_produced"] = 0.0, ["origin"] = "BY-ADMIN",
        });
        Assert.Equal("[2,\"Mitchell Admin\"]", server.Store.Get("mrp.production", id)!["create_uid"]!.ToJsonString());
        using var done = await OdooRpc.Json2Async(http, server.Options.ApiKey, "mrp.production", "button_mark_done",
            new JsonObject { ["ids"] = new JsonArray(id), ["context"] = new JsonObject { ["skip_backorder"] = true, ["mo_ids_to_backorder"] = new JsonArray(id) } });
        var backorder = JsonNode.Parse(await done.Content.ReadAsStringAsync())!["res_id"]!.GetValue<long>();
        Assert.Equal("[7,\"API Integration (C#)\"]", server.Store.Get("mrp.production", backorder)!["create_uid"]!.ToJsonString());
        Assert.Equal("[2,\"Mitchell Admin\"]", server.Store.Get("mrp.production", id)!["create_uid"]!.ToJsonString());
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
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = "super-secret-key-value", AdminApiKey = "super-secret-admin-value" });
        Assert.DoesNotContain("super-secret-key-value", server.Options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("super-secret-admin-value", server.Options.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Records <paramref name="qty"/> produced as a 17.0+ client does: write qty_producing, then set_qty_producing so that the components follow.</summary>
    private static async Task RecordProducedAsync(HttpClient http, string key, long uid, long id, double qty)
    {
        await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "write", new JsonArray(new JsonArray(id), new JsonObject { ["qty_producing"] = qty }));
        await OdooRpc.ExecuteKwAsync(http, key, uid, "mrp.production", "set_qty_producing", new JsonArray(new JsonArray(id)));
    }
}
