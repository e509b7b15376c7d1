using System.Diagnostics;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Telemetry;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Functions.Tests.Sync;
using OdooFunctions.Odoo;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>The Odoo client's span and duration per call, seen through the app's container against the Odoo double.</summary>
[Collection(TelemetryGroup.Name)]
public sealed class OdooCallTelemetryTests(AzuriteFixture azurite)
{
    private static readonly string[] SpanTags = ["odoo.method", "odoo.model", "odoo.outcome", "odoo.protocol"];

    [Theory]
    [InlineData("19.0", "json2")]
    [InlineData("17.0", "jsonrpc")]
    public async Task Every_call_the_double_receives_is_one_span_with_its_model_method_protocol_and_outcome(string version, string protocol)
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(azurite, batchSize: 2, odooVersion: version, configure: capture.AddTo);
        capture.Listen(context.Services);
        for (var i = 0; i < 3; i++)
        {
            context.Dashboard.Orders.Add(context.AddMo("progress"), "pending", 0);
        }

        context.AddSyncedOrder("done");
        SyncRun run;
        using (var test = TelemetryCapture.StartTest("sync"))
        {
            run = await context.RunAsync();
            test.Stop();
            Assert.Equal(SyncOutcome.Succeeded, run.Outcome);

            var spans = capture.SpansOf(test, OdooClient.ActivitySourceName);
            // The double logs service calls as "common.version" with no model; the client names them common / version.
            var received = context.Odoo.Calls.Snapshot()
                .Select(c => c.Model.Length == 0 && c.Method.StartsWith("common.", StringComparison.Ordinal) ? ("common", c.Method["common.".Length..]) : (c.Model, c.Method))
                .Order().ToList();
            Assert.Contains(("mrp.production", "search_read"), received);
            Assert.Equal(2, run.OdooCalls); // four MOs in batches of two
            Assert.Equal(received, spans.Select(s => (Tag(s, "odoo.model")!, Tag(s, "odoo.method")!)).Order().ToList());

            var syncRun = Assert.Single(capture.SpansOf(test, AppTelemetry.ActivitySourceName), s => s.OperationName == AppTelemetry.SyncRunSpanName);
            Assert.All(spans, span =>
            {
                Assert.Equal("odoo.call", span.OperationName);
                Assert.Equal(ActivityKind.Client, span.Kind);
                Assert.Equal($"Odoo {Tag(span, "odoo.model")}.{Tag(span, "odoo.method")}", span.DisplayName);
                // The version probe and the login go over JSON-RPC on either version.
                Assert.Equal(Tag(span, "odoo.model") == "common" ? "jsonrpc" : protocol, Tag(span, "odoo.protocol"));
                Assert.Equal("ok", Tag(span, "odoo.outcome"));
                Assert.Equal(ActivityStatusCode.Unset, span.Status);
                Assert.Equal(SpanTags, span.TagObjects.Select(t => t.Key).Order());
                Assert.Equal(syncRun.SpanId, span.ParentSpanId);
            });

            var duration = TelemetryCapture.Metric(capture.Metrics(), "odoo.client.call.duration");
            Assert.Equal("ms", duration.Unit);
            var searchReads = Assert.Single(TelemetryCapture.Points(duration,
                ("odoo.model", "mrp.production"), ("odoo.method", "search_read"), ("odoo.protocol", protocol), ("odoo.outcome", "ok")));
            Assert.Equal(2, searchReads.GetHistogramCount());
            Assert.Equal(spans.Count, duration.MetricPoints.Sum(p => p.GetHistogramCount()));
            Assert.All(duration.MetricPoints, p => Assert.Equal(SpanTags, TelemetryCapture.TagsOf(p).Keys.Order()));
        }
    }

    [Theory]
    [InlineData("19.0", "json2")]
    [InlineData("17.0", "jsonrpc")]
    public async Task A_failing_call_is_an_error_span_whose_outcome_is_the_exception_type(string version, string protocol)
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(azurite, odooVersion: version, configure: capture.AddTo);
        capture.Listen(context.Services);
        var client = context.Services.GetRequiredService<OdooClient>();
        using var test = TelemetryCapture.StartTest("failing call");

        await client.SearchReadAsync("mrp.production", OdooDomain.All, ["state"], limit: 1);
        await Assert.ThrowsAsync<OdooNotFoundException>(() => client.SearchReadAsync("x_no.such.model", OdooDomain.All, ["name"]));
        test.Stop();

        var spans = capture.SpansOf(test, OdooClient.ActivitySourceName);
        var ok = Assert.Single(spans, s => Tag(s, "odoo.model") == "mrp.production");
        Assert.Equal(("search_read", protocol, "ok", ActivityStatusCode.Unset), (Tag(ok, "odoo.method"), Tag(ok, "odoo.protocol"), Tag(ok, "odoo.outcome"), ok.Status));
        var failed = Assert.Single(spans, s => Tag(s, "odoo.model") == "x_no.such.model");
        Assert.Equal(("search_read", protocol, nameof(OdooNotFoundException), ActivityStatusCode.Error),
            (Tag(failed, "odoo.method"), Tag(failed, "odoo.protocol"), Tag(failed, "odoo.outcome"), failed.Status));
        // Odoo's message names the model and could quote values: it stays out of the span.
        Assert.Null(failed.StatusDescription);
        Assert.Empty(failed.Events);

        var duration = TelemetryCapture.Metric(capture.Metrics(), "odoo.client.call.duration");
        var point = Assert.Single(TelemetryCapture.Points(duration, ("odoo.model", "x_no.such.model")));
        Assert.Equal(nameof(OdooNotFoundException), TelemetryCapture.TagsOf(point)["odoo.outcome"]);
        Assert.Equal(1, point.GetHistogramCount());
    }

    private static string? Tag(Activity span, string key) => span.GetTagItem(key) as string;
}
