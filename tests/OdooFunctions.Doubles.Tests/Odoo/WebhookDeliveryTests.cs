using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.TestSupport;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>Webhook deliveries beyond the recorded sequences (see WebhookDeliveryContractTests).</summary>
public sealed class WebhookDeliveryTests
{
    // A read-back on a loaded machine must not turn into Odoo's 1 s timeout, except where the timeout is the subject.
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("17.0", "draft")]
    [InlineData("19.0", "confirmed")]
    public async Task Action_confirm_posts_once_and_a_read_back_sees_the_state_of_the_version(string version, string seen)
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, WebhookTimeout = Patient });
        using var http = new HttpClient { BaseAddress = odoo.BaseAddress };
        var uid = version == "19.0" ? 7 : 8;
        await using var receiver = WebhookReceiver.Start(id => ReadStateAsync(http, odoo, uid, id));
        var rule = odoo.AddWebhookRule(receiver.Url);
        var product = odoo.Store.All("product.product").First(p => p["default_code"]?.ToString() == "MFG-FG-1001")["id"]!.GetValue<long>();
        var mo = odoo.Store.AddManufacturingOrder(product, 5, "draft");

        var answer = await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, uid, "mrp.production", "action_confirm", new JsonArray(new JsonArray(mo)), database: odoo.Options.Database);

        Assert.True(answer["result"]!.GetValue<bool>());
        var received = Assert.Single(receiver.Received);
        Assert.Equal(seen, received.StateSeen);
        var delivery = Assert.Single(odoo.Webhooks.Snapshot());
        Assert.Equal(OdooWebhookOutcome.Delivered, delivery.Outcome);
        Assert.Equal(rule.RuleId, delivery.RuleId);
        Assert.Equal(delivery.Body, received.RawBody);
        Assert.Equal(["Host", "User-Agent", "Accept-Encoding", "Accept", "Connection", "Content-Type", "Content-Length"], received.Headers.Select(h => h.Key));
        Assert.Equal("confirmed", JsonNode.Parse(received.RawBody)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Json2_calls_fire_the_rule_too_and_the_body_escapes_non_ascii_as_python_does()
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { WebhookTimeout = Patient });
        using var http = new HttpClient { BaseAddress = odoo.BaseAddress };
        await using var receiver = WebhookReceiver.Start(id => ReadStateAsync(http, odoo, 7, id));
        odoo.AddWebhookRule(receiver.Url);

        using var created = await OdooRpc.Json2Async(http, odoo.Options.ApiKey, "mrp.production", "create", new JsonObject
        {
            ["vals_list"] = new JsonArray(new JsonObject { ["product_id"] = ProductId(odoo), ["product_qty"] = 2.5, ["origin"] = "Größe \"7\" €" }),
        });

        var body = Assert.Single(receiver.Received).RawBody;
        Assert.Contains("\"origin\": \"Gr\\u00f6\\u00dfe \\\"7\\\" \\u20ac\"", body, StringComparison.Ordinal);
        Assert.Contains("\"product_qty\": 2.5,", body, StringComparison.Ordinal);
        Assert.Equal("draft", JsonNode.Parse(body)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_filter_domain_limits_the_rule_to_the_records_it_matches()
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { WebhookTimeout = Patient });
        using var http = new HttpClient { BaseAddress = odoo.BaseAddress };
        await using var receiver = WebhookReceiver.Start(id => ReadStateAsync(http, odoo, 7, id));
        var rule = odoo.AddWebhookRule(receiver.Url);
        var write = await OdooRpc.ExecuteKwAsync(http, OdooDoubleOptions.DemoAdminApiKey, 2, "base.automation", "write",
            new JsonArray(new JsonArray(rule.RuleId), new JsonObject { ["filter_domain"] = "[('state', 'in', ('confirmed', 'cancel'))]" }));
        Assert.True(write["result"]!.GetValue<bool>());
        var mo = (await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 7, "mrp.production", "create", new JsonArray(new JsonObject { ["product_id"] = ProductId(odoo), ["product_qty"] = 1 })))["result"]!.GetValue<long>();

        await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 7, "mrp.production", "action_confirm", new JsonArray(new JsonArray(mo)));
        await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 7, "mrp.production", "action_start", new JsonArray(new JsonArray(mo)));
        await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 7, "mrp.production", "action_cancel", new JsonArray(new JsonArray(mo)));

        // Not the draft of the create, not progress: confirmed and cancel.
        Assert.Equal(["confirmed", "cancel"], receiver.Received.Select(r => JsonNode.Parse(r.RawBody)!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task On_17_a_receiver_that_writes_during_the_post_waits_for_the_commit_and_the_post_times_out()
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "17.0" });
        using var http = new HttpClient { BaseAddress = odoo.BaseAddress };
        long mo = 0;
        JsonObject? receiverWrite = null;
        // The receiver writes the MO it was told about: Odoo 17.0 still holds the transaction (and the row), so the
        // write waits until the POST gives up after 1 s and the call commits.
        await using var receiver = WebhookReceiver.Start(async id =>
        {
            receiverWrite = await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 8, "mrp.production", "write",
                new JsonArray(new JsonArray(id), new JsonObject { ["origin"] = "written by the receiver" }), database: odoo.Options.Database);
            return null;
        });
        odoo.AddWebhookRule(receiver.Url);
        mo = odoo.Store.AddManufacturingOrder(ProductId(odoo), 5, "draft");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var confirm = await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, 8, "mrp.production", "action_confirm", new JsonArray(new JsonArray(mo)), database: odoo.Options.Database);

        Assert.True(confirm["result"]!.GetValue<bool>());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal(OdooWebhookOutcome.TimedOut, odoo.Webhooks.Snapshot()[0].Outcome);
        await Eventually.WaitAsync(() => receiverWrite is not null, "the receiver's write to come back", TimeSpan.FromSeconds(5));
        Assert.True(receiverWrite!["result"]!.GetValue<bool>());
        var after = odoo.Store.Get("mrp.production", mo)!;
        Assert.Equal(("confirmed", "written by the receiver"), (after["state"]!.GetValue<string>(), after["origin"]!.GetValue<string>()));
    }

    private static long ProductId(OdooDoubleServer odoo) =>
        odoo.Store.All("product.product").First(p => p["default_code"]?.ToString() == "MFG-FG-1001")["id"]!.GetValue<long>();

    private static async Task<string?> ReadStateAsync(HttpClient http, OdooDoubleServer odoo, long uid, long id)
    {
        var read = await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, uid, "mrp.production", "read", new JsonArray(new JsonArray(id), new JsonArray("state")), database: odoo.Options.Database);
        return read["result"] is JsonArray { Count: > 0 } rows ? rows[0]!["state"]!.GetValue<string>() : null;
    }
}
