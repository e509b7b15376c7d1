using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Tests.Infrastructure;

using OdooFunctions.Functions.Tests.Hosting;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>The receiver checks the code and the body, queues the change, and calls neither Odoo nor the dashboard.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class WebhookReceiverTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("webhook-code-0f6b1d2e9a7c4b3")]
    [InlineData("webhook-code-0f6b1d2e9a7c4b38x")]
    [InlineData("WEBHOOK-CODE-0F6B1D2E9A7C4B38")]
    public async Task A_missing_or_wrong_code_is_401_and_queues_nothing(string? code)
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        var (mo, _) = context.AddLinkedOrder("confirmed", "pending");

        using var answer = await PushTestContext.PostWebhookAsync(app, PushTestContext.Payload(mo, "progress", "2026-12-01 18:29:16.175821"), code);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("WEBHOOK_CODE_INVALID", JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(0, await context.QueuedAsync());
    }

    [Fact]
    public async Task The_code_given_twice_is_refused()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        using var content = new StringContent(PushTestContext.Payload(1, "draft", "2026-12-01 18:29:16.1").ToJsonString(), Encoding.UTF8, "application/json");

        using var answer = await app.Http.Client.PostAsync($"api/odoo/webhooks/mrp-production?code={PushTestContext.Secret}&code={PushTestContext.Secret}", content);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(0, await context.QueuedAsync());
    }

    public static TheoryData<string> BadBodies => new()
    {
        "not json",
        "[1, 2]",
        """{"_id": 5, "_model": "res.partner"}""",
        """{"_id": 5}""",
        """{"_model": "mrp.production"}""",
        """{"_id": "5", "_model": "mrp.production"}""",
        """{"_id": 5.5, "_model": "mrp.production"}""",
        """{"_id": -3, "_model": "mrp.production"}""",
        """{"_id": 0, "_model": "mrp.production"}""",
        """{"_id": 5, "_model": "mrp.production", "write_date": "yesterday"}""",
        """{"_id": 5, "_id": 6, "_model": "mrp.production"}""",
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_that_is_not_an_mrp_production_record_with_an_integer_id_is_400_and_queues_nothing(string body)
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var answer = await app.Http.Client.PostAsync("api/odoo/webhooks/mrp-production?code=" + PushTestContext.Secret, content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal(0, await context.QueuedAsync());
    }

    [Fact]
    public async Task A_good_webhook_is_202_queued_with_its_write_date_and_neither_Odoo_nor_the_dashboard_is_called()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        var (mo, _) = context.AddLinkedOrder("confirmed", "pending");
        context.Odoo.Calls.Reset();
        context.Dashboard.Requests.Reset();

        using var answer = await PushTestContext.PostWebhookAsync(app, PushTestContext.Payload(mo, "progress", "2026-12-01 18:29:16.175821"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal(mo, body["data"]!["mo_id"]!.GetValue<long>());
        Assert.Equal(0, context.Odoo.Calls.Total);
        Assert.Equal(0, context.Dashboard.Requests.Total);
        var message = Assert.Single((await context.Queue.ReceiveMessagesAsync(10)).Value);
        var queued = JsonNode.Parse(message.MessageText)!;
        Assert.Equal(mo, queued["mo_id"]!.GetValue<long>());
        Assert.Equal("2026-12-01 18:29:16.175821", queued["write_date"]!.GetValue<string>());
        Assert.Equal("progress", queued["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_configured_secret_every_webhook_is_503_and_nothing_is_queued()
    {
        await using var context = await PushTestContext.StartAsync(overrides: new() { ["ODOO_WEBHOOK_SECRET"] = null });
        var app = await context.StartAppAsync(processQueue: false);

        using var answer = await PushTestContext.PostWebhookAsync(app, PushTestContext.Payload(1, "draft", "2026-12-01 18:29:16.1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.DoesNotContain(PushTestContext.Secret, await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await context.QueuedAsync());
    }

    [Theory]
    [MemberData(nameof(OdooVersions.WithWebhooks), MemberType = typeof(OdooVersions))]
    public async Task Every_recorded_delivery_body_is_accepted(string version)
    {
        await using var context = await PushTestContext.StartAsync(version);
        var app = await context.StartAppAsync(processQueue: false);
        var deliveries = RecordedDeliveries.Load(version);
        Assert.True(deliveries.Count > 60, $"only {deliveries.Count} recorded deliveries found");

        foreach (var delivery in deliveries)
        {
            using var content = new StringContent(delivery.RawBody, Encoding.UTF8, "application/json");
            using var answer = await app.Http.Client.PostAsync("api/odoo/webhooks/mrp-production?code=" + PushTestContext.Secret, content);
            Assert.True(answer.StatusCode == HttpStatusCode.Accepted, $"{delivery.File}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
    }
}
