using System.Diagnostics;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Telemetry;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Functions.Tests.Sync;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>The sync run's span and metrics, and a span per dashboard call, against the dashboard and Odoo doubles.</summary>
[Collection(TelemetryGroup.Name)]
public sealed class SyncTelemetryTests(AzuriteFixture azurite)
{
    private static readonly string[] DashboardTags = ["dashboard.operation", "dashboard.outcome", "http.response.status_code"];

    [Fact]
    public async Task A_run_is_a_span_with_its_trigger_outcome_and_counts_over_one_span_per_dashboard_page_and_PATCH()
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(
            azurite, dashboardOptions: new DashboardDoubleOptions { ListShape = DashboardListShape.PagedByNumber, PageSize = 2 }, configure: capture.AddTo);
        capture.Listen(context.Services);
        var changed = Enumerable.Range(0, 3).Select(_ => context.Dashboard.Orders.Add(context.AddMo("progress"), "pending", 0)).ToList();
        var synced = Enumerable.Range(0, 2).Select(_ => context.AddSyncedOrder("confirmed")).ToList();
        context.Dashboard.Faults.FailPatch(changed[1], status: 500);

        using var test = TelemetryCapture.StartTest("sync");
        var run = await context.RunAsync(SyncTrigger.Timer);
        test.Stop();

        Assert.Equal((SyncOutcome.Partial, 5, 2, 1), (run.Outcome, run.Linked, run.Patched, run.Failed));
        var ours = capture.SpansOf(test, AppTelemetry.ActivitySourceName);
        var span = Assert.Single(ours, s => s.OperationName == "sync.run");
        Assert.Equal(test.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(
            new Dictionary<string, object?> { ["sync.trigger"] = "timer", ["sync.outcome"] = "partial", ["sync.linked"] = 5, ["sync.patched"] = 2, ["sync.failed"] = 1 },
            span.TagObjects.ToDictionary());

        var calls = ours.Where(s => s.OperationName == "dashboard.call").ToList();
        Assert.All(calls, call =>
        {
            Assert.Equal(span.SpanId, call.ParentSpanId);
            Assert.Equal(ActivityKind.Client, call.Kind);
            Assert.Equal(DashboardTags, call.TagObjects.Select(t => t.Key).Order());
            Assert.Equal("Dashboard " + call.GetTagItem("dashboard.operation"), call.DisplayName);
        });
        var pages = calls.Where(c => Equals(c.GetTagItem("dashboard.operation"), "GET /orders")).ToList();
        Assert.Equal(3, pages.Count); // five orders, two a page
        Assert.All(pages, page => Assert.Equal((200, "ok", ActivityStatusCode.Unset), (page.GetTagItem("http.response.status_code"), page.GetTagItem("dashboard.outcome"), page.Status)));
        var patches = calls.Where(c => Equals(c.GetTagItem("dashboard.operation"), "PATCH /orders/{id}")).ToList();
        Assert.Equal(
            [(200, "ok", ActivityStatusCode.Unset), (200, "ok", ActivityStatusCode.Unset), (500, nameof(DashboardApiException), ActivityStatusCode.Error)],
            patches.Select(p => ((int)p.GetTagItem("http.response.status_code")!, (string)p.GetTagItem("dashboard.outcome")!, p.Status)).Order());
        Assert.Equal(calls.Count, ours.Count - 1);

        // HttpClient's own span under each dashboard call (the PATCH is never retried, so one each).
        var http = capture.SpansOf(test, "System.Net.Http");
        Assert.All(patches, p => Assert.Single(http, h => h.ParentSpanId == p.SpanId));

        // No order id or order value in the app's spans, only the operation and its status.
        var texts = TelemetryCapture.Texts(ours, []).Select(t => t.Text).ToList();
        foreach (var id in changed.Concat(synced))
        {
            Assert.DoesNotContain(texts, text => text.Contains(id, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(texts, text => text.Contains("in_progress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_run_is_an_error_span_with_what_failed_and_its_dashboard_call_carries_the_status()
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(azurite, configure: capture.AddTo);
        capture.Listen(context.Services);
        context.AddSyncedOrder("confirmed");
        context.Dashboard.Faults.FailNextList(count: 20, status: 503);

        using var test = TelemetryCapture.StartTest("failing sync");
        var run = await context.RunAsync();
        test.Stop();

        Assert.Equal((SyncOutcome.Failed, SyncFailure.Dashboard), (run.Outcome, run.Failure));
        var ours = capture.SpansOf(test, AppTelemetry.ActivitySourceName);
        var span = Assert.Single(ours, s => s.OperationName == "sync.run");
        Assert.Equal((ActivityStatusCode.Error, "failed", "dashboard"), (span.Status, span.GetTagItem("sync.outcome"), span.GetTagItem("sync.failure")));
        var list = Assert.Single(ours, s => s.OperationName == "dashboard.call");
        Assert.Equal((503, nameof(DashboardApiException), ActivityStatusCode.Error),
            (list.GetTagItem("http.response.status_code"), list.GetTagItem("dashboard.outcome"), list.Status));
        // The retries of the GET are HttpClient spans under the one dashboard call.
        Assert.True(capture.SpansOf(test, "System.Net.Http").Count(h => h.ParentSpanId == list.SpanId) > 1);
    }

    [Fact]
    public async Task A_run_that_Odoo_fails_shows_the_Odoo_calls_outcome_under_the_runs_span()
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(azurite, configure: capture.AddTo);
        capture.Listen(context.Services);
        context.Dashboard.Orders.Add(context.AddMo("progress"), "pending", 0);
        context.Odoo.Faults.FailNext(20, Doubles.Odoo.OdooFault.Status503, "search_read");

        using var test = TelemetryCapture.StartTest("Odoo down");
        var run = await context.RunAsync();
        test.Stop();

        Assert.Equal((SyncOutcome.Failed, SyncFailure.Odoo), (run.Outcome, run.Failure));
        var span = Assert.Single(capture.SpansOf(test, AppTelemetry.ActivitySourceName), s => s.OperationName == "sync.run");
        var read = Assert.Single(capture.SpansOf(test, OdooClient.ActivitySourceName), s => Equals(s.GetTagItem("odoo.method"), "search_read"));
        Assert.Equal((span.SpanId, nameof(OdooUnavailableException), ActivityStatusCode.Error), (read.ParentSpanId, read.GetTagItem("odoo.outcome"), read.Status));
    }

    [Fact]
    public async Task Runs_are_counted_by_trigger_and_outcome_with_their_duration_and_linked_patched_and_failed_orders()
    {
        var capture = new TelemetryCapture();
        await using var context = await SyncTestContext.StartAsync(azurite, configure: capture.AddTo);
        capture.Listen(context.Services);
        var failing = context.Dashboard.Orders.Add(context.AddMo("progress"), "pending", 0);
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending", 0);
        context.AddSyncedOrder("confirmed");
        context.Dashboard.Faults.FailPatch(failing, status: 500);

        var partial = await context.RunAsync();
        // The order the first run could not patch is patched by the next.
        var succeeded = await context.RunAsync(SyncTrigger.Timer);
        context.Dashboard.Faults.FailNextList(count: 20, status: 503);
        var failed = await context.RunAsync();
        context.Dashboard.Faults.Clear();
        context.Dashboard.Latency = TimeSpan.FromMilliseconds(300);
        var slow = context.Sync.TryRunAsync(SyncTrigger.Timer);
        while (!context.Sync.IsRunning)
        {
            await Task.Delay(5);
        }

        Assert.Null(await context.Sync.TryRunAsync(SyncTrigger.Manual));
        Assert.NotNull(await slow);

        Assert.Equal((SyncOutcome.Partial, SyncOutcome.Succeeded, SyncOutcome.Failed), (partial.Outcome, succeeded.Outcome, failed.Outcome));
        var metrics = capture.Metrics();
        var runs = TelemetryCapture.Metric(metrics, "odoofunctions.sync.runs");
        Assert.Equal(
            [("manual", "failed", 1L), ("manual", "partial", 1L), ("manual", "skipped", 1L), ("timer", "succeeded", 2L)],
            runs.MetricPoints.Select(p => ((string)TelemetryCapture.TagsOf(p)["sync.trigger"]!, (string)TelemetryCapture.TagsOf(p)["sync.outcome"]!, p.GetSumLong())).Order());

        var duration = TelemetryCapture.Metric(metrics, "odoofunctions.sync.run.duration");
        Assert.Equal("ms", duration.Unit);
        Assert.Equal(4, duration.MetricPoints.Sum(p => p.GetHistogramCount()));
        var slowPoint = Assert.Single(TelemetryCapture.Points(duration, ("sync.trigger", "timer"), ("sync.outcome", "succeeded")));
        Assert.True(slowPoint.GetHistogramSum() >= 300, $"the slow run took {slowPoint.GetHistogramSum()} ms");

        Assert.Equal((3.0, 1L), Sum(metrics, "odoofunctions.sync.run.linked", "partial"));
        Assert.Equal((1.0, 1L), Sum(metrics, "odoofunctions.sync.run.patched", "partial"));
        Assert.Equal((1.0, 1L), Sum(metrics, "odoofunctions.sync.run.failed", "partial"));
        Assert.Equal((1.0, 2L), Sum(metrics, "odoofunctions.sync.run.patched", "succeeded"));
        Assert.Equal((0.0, 2L), Sum(metrics, "odoofunctions.sync.run.failed", "succeeded"));
        Assert.Equal((0.0, 1L), Sum(metrics, "odoofunctions.sync.run.linked", "failed"));
        Assert.All(
            new[] { "odoofunctions.sync.run.linked", "odoofunctions.sync.run.patched", "odoofunctions.sync.run.failed" },
            name => Assert.Equal("{order}", TelemetryCapture.Metric(metrics, name).Unit));

        // HttpClient's metrics come along (server and status only, no URL).
        Assert.Contains(metrics, m => m.Name == "http.client.request.duration");
    }

    private static (double Sum, long Count) Sum(IReadOnlyList<OpenTelemetry.Metrics.MetricSnapshot> metrics, string name, string outcome)
    {
        var points = TelemetryCapture.Points(TelemetryCapture.Metric(metrics, name), ("sync.outcome", outcome));
        return (points.Sum(p => p.GetHistogramSum()), points.Sum(p => p.GetHistogramCount()));
    }
}
