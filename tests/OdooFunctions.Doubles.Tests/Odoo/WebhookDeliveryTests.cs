using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>Webhook deliveries beyond the recorded sequences (see WebhookDeliveryContractTests).</summary>
public sealed class WebhookDeliveryTests
{
    [Theory]
    [InlineData("17.0", "draft")]
    [InlineData("19.0", "confirmed")]
    public async Task Action_confirm_posts_once_and_a_read_back_sees_the_state_of_the_version(string version, string seen)
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
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

    private static async Task<string?> ReadStateAsync(HttpClient http, OdooDoubleServer odoo, long uid, long id)
    {
        var read = await OdooRpc.ExecuteKwAsync(http, odoo.Options.ApiKey, uid, "mrp.production", "read", new JsonArray(new JsonArray(id), new JsonArray("state")), database: odoo.Options.Database);
        return read["result"] is JsonArray { Count: > 0 } rows ? rows[0]!["state"]!.GetValue<string>() : null;
    }
}
