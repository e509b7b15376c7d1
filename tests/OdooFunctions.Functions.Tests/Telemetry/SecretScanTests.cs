using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Push;
using OdooFunctions.Functions.Telemetry;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Odoo;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>
/// The whole app through its HTTP functions and its queue trigger, with the Odoo double sending webhooks: every span
/// and every metric it exports is scanned for the secrets it holds.
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class SecretScanTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task No_secret_is_in_any_name_tag_event_or_metric_the_app_exports()
    {
        _ = azurite;
        var odooKey = "odoo-key-" + Guid.NewGuid().ToString("N");
        var dashboardToken = "dash-token-" + Guid.NewGuid().ToString("N");
        var webhookSecret = "hook-code-" + Guid.NewGuid().ToString("N");
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = odooKey });
        await using var dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = dashboardToken, ListShape = DashboardListShape.PagedByNumber, PageSize = 1 });
        var settings = TestSettings.For(odoo).WithDashboard(dashboard)
            .With("SYNC_RUNS_TABLE", AzuriteFixture.UniqueTableName("telemetryruns"))
            .With("PUSH_INDEX_TABLE", AzuriteFixture.UniqueTableName("telemetryindex"))
            .With(PushOptions.QueueSetting, "telemetry-" + Guid.NewGuid().ToString("N")[..16])
            .With("ODOO_WEBHOOK_SECRET", webhookSecret)
            .Build();
        var capture = new TelemetryCapture();
        var token = TestTokens.Create(roles: ["Admin"]);
        try
        {
            await using var app = await FunctionsTestHost.StartAsync(settings, capture.AddTo);
            capture.Listen(app.Services);
            await using var queue = QueueTriggerHost.Start(app.Services, app.Services.GetRequiredService<IConfiguration>());
            var product = OdooAppFixture.FinishedProductIdOf(odoo);
            var pushed = odoo.Store.AddManufacturingOrder(product, 5, "confirmed");
            var pushedOrder = dashboard.Orders.Add(pushed, "pending", 0);
            dashboard.Orders.Add(odoo.Store.AddManufacturingOrder(product, 3, "progress"), "pending", 0);

            foreach (var path in new[] { "api/odoo/test", "api/odoo/version", "api/odoo/products", "api/odoo/manufacturing-orders", "api/odoo/stock", "api/odoo/partners", "api/sync/status" })
            {
                using var answer = await OdooAppFixture.Send(app.Client, HttpMethod.Get, path, null, token);
                Assert.True(answer.IsSuccessStatusCode, $"{path}: {answer.StatusCode}");
            }

            using (var missing = await OdooAppFixture.Send(app.Client, HttpMethod.Get, "api/odoo/manufacturing-orders/999999", null, token))
            {
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            }

            using (var refused = await OdooAppFixture.Send(app.Client, HttpMethod.Get, "api/odoo/products", null, TestTokens.Tampered()))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            using (var run = await OdooAppFixture.Send(app.Client, HttpMethod.Post, "api/sync/run", null, token))
            {
                Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            }

            // Odoo delivers the change to the webhook with the secret in the URL; the queue trigger patches the dashboard.
            odoo.AddWebhookRule(new Uri(app.BaseAddress, "api/odoo/webhooks/mrp-production?code=" + webhookSecret).AbsoluteUri);
            var client = app.Services.GetRequiredService<OdooClient>();
            await client.WriteAsync("mrp.production", [pushed], new JsonObject { ["qty_producing"] = 5.0 });
            await client.CallAsync("mrp.production", "set_qty_producing", [pushed]);
            await client.CallAsync("mrp.production", "button_mark_done", [pushed]);
            await Eventually.WaitAsync(() => dashboard.Orders.Get(pushedOrder)!["status"]!.GetValue<string>() == OrderStatus.Completed, "the pushed status");

            // And from an HttpClient in this process, so that a URL with the code is among the spans.
            using var body = new StringContent(new JsonObject { ["_id"] = pushed, ["_model"] = "mrp.production" }.ToJsonString(), Encoding.UTF8, "application/json");
            using (var direct = await app.Client.PostAsync("api/odoo/webhooks/mrp-production?code=" + Uri.EscapeDataString(webhookSecret), body))
            {
                Assert.Equal(HttpStatusCode.Accepted, direct.StatusCode);
            }

            var spans = capture.Spans();
            var metrics = capture.Metrics();
            var secrets = new Dictionary<string, string>
            {
                ["the Odoo API key"] = odooKey,
                ["the dashboard token"] = dashboardToken,
                ["the JWT secret"] = TestTokens.Secret,
                ["the webhook secret"] = webhookSecret,
                ["a dashboard user's JWT"] = token,
            };

            Assert.Empty(TelemetryCapture.Leaks(TelemetryCapture.Texts(spans, metrics), secrets));

            // The scan saw what matters: spans of every source and the URL that carried the code, cut before its query.
            foreach (var source in new[] { OdooClient.ActivitySourceName, AppTelemetry.ActivitySourceName, "System.Net.Http" })
            {
                Assert.Contains(spans, s => s.Source.Name == source);
            }

            var urls = spans.Select(s => s.GetTagItem("url.full") as string).OfType<string>().ToList();
            Assert.Contains(new Uri(app.BaseAddress, "api/odoo/webhooks/mrp-production").AbsoluteUri, urls);
            Assert.Contains(urls, url => url.StartsWith(dashboard.BaseAddress.AbsoluteUri + "orders", StringComparison.Ordinal));
            Assert.DoesNotContain(urls, url => url.Contains('?', StringComparison.Ordinal));
            foreach (var name in new[] { "odoo.client.call.duration", "odoofunctions.sync.runs", "odoofunctions.sync.run.duration", "http.client.request.duration" })
            {
                Assert.Contains(metrics, m => m.Name == name);
            }
        }
        finally
        {
            var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
            await tables.DeleteTableAsync(settings["SYNC_RUNS_TABLE"]);
            await tables.DeleteTableAsync(settings["PUSH_INDEX_TABLE"]);
            var queues = new QueueServiceClient(AzuriteFixture.ConnectionString);
            await queues.GetQueueClient(settings[PushOptions.QueueSetting]).DeleteIfExistsAsync();
            await queues.GetQueueClient(settings[PushOptions.QueueSetting] + "-poison").DeleteIfExistsAsync();
        }
    }

    [Fact]
    public void The_scan_finds_a_secret_in_a_span_name_a_tag_an_event_and_a_metric_tag()
    {
        const string secret = "planted-secret-9b2f";
        var sourceName = "scan-check-" + Guid.NewGuid().ToString("N");
        var spans = new List<Activity>();
        var exported = new List<MetricSnapshot>();
        List<MetricSnapshot> metrics;
        using var source = new ActivitySource(sourceName);
        using var meter = new Meter(sourceName);
        using (var tracer = Sdk.CreateTracerProviderBuilder().AddSource(sourceName).AddInMemoryExporter(spans).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(sourceName).AddInMemoryExporter(exported).Build())
        {
            using (var named = source.StartActivity("call"))
            {
                named!.DisplayName = "call " + secret.ToUpperInvariant();
            }

            using (var tagged = source.StartActivity("call"))
            {
                tagged!.SetTag("odoo.domain", new[] { "name", "=", secret });
                tagged.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { ["exception.message"] = "key " + secret }));
            }

            using (source.StartActivity("clean"))
            {
            }

            meter.CreateCounter<long>("calls").Add(1, new KeyValuePair<string, object?>("token", secret));
            meters.ForceFlush();
            // Disposing the provider exports once more.
            metrics = [.. exported];
        }

        var leaks = TelemetryCapture.Leaks(TelemetryCapture.Texts(spans, metrics), new Dictionary<string, string> { ["the planted secret"] = secret });

        Assert.Equal(4, leaks.Count);
        Assert.Contains(leaks, l => l.StartsWith("the planted secret in span", StringComparison.Ordinal) && !l.Contains("tag", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("tag odoo.domain", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("event tag", StringComparison.Ordinal));
        Assert.Contains(leaks, l => l.Contains("metric", StringComparison.Ordinal));
    }
}
