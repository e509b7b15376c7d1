using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;
using OdooFunctions.FunctionsHost;
using OdooFunctions.Odoo;
using OdooFunctions.TestSupport;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// Push latency: the Odoo double (17.0 or 19.0 mode) sends its webhooks to the app's receiver (served in-process over
/// real HTTP), the queue trigger runs with host.json's queue settings on Azurite, and the dashboard double notes when
/// each PATCH arrives. For each MO state change (an <c>action_cancel</c> RPC), the time from the RPC being sent to the
/// dashboard receiving the PATCH; beside it the timer-only figure for the same changes (the next 5-minute tick plus one
/// sync run). A second phase turns the receiver off for a while and lets the timer (a shorter interval, stated) repair.
/// 17.0 commits 40 ms after its POSTs (the recordings' p50), so an early read sees the old state as on a real 17.0.
/// <c>dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- push [--changes 200] [--seconds 60] [--outage-seconds 30] [--timer-seconds 60] [--versions 19.0,17.0] [--initial-delay 0]</c>
/// </summary>
public static class PushBenchmark
{
    private const string Secret = "bench-webhook-code-3b9e51c7a2d84f60";

    public static async Task<int> RunAsync(string[] args)
    {
        var changes = BenchmarkArgs.Option(args, "--changes", 200);
        var seconds = BenchmarkArgs.Option(args, "--seconds", 60);
        var outage = BenchmarkArgs.Option(args, "--outage-seconds", 30);
        var timerSeconds = BenchmarkArgs.Option(args, "--timer-seconds", 60);
        var initialDelay = BenchmarkArgs.Option(args, "--initial-delay", 0);
        var versionsAt = Array.IndexOf(args, "--versions");
        var versions = versionsAt >= 0 && versionsAt + 1 < args.Length ? args[versionsAt + 1].Split(',') : ["19.0", "17.0"];
        Console.WriteLine($"Push benchmark: {changes} MO state changes over {seconds} s per version; Azurite on loopback; queue settings from host.json ({HostQueueSettings.Load()})");
        await LocalAzurite.EnsureRunningAsync();
        var failed = false;
        foreach (var version in versions)
        {
            failed |= !await RunVersionAsync(version, changes, seconds, outage, timerSeconds, initialDelay);
        }

        return failed ? 1 : 0;
    }

    private static async Task<bool> RunVersionAsync(string version, int changes, int seconds, int outageSeconds, int timerSeconds, int initialDelay)
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions
        {
            Version = version,
            ApiKey = "bench-" + Guid.NewGuid().ToString("N"),
            CommitDelayAfterWebhooks = version == "17.0" ? TimeSpan.FromMilliseconds(40) : TimeSpan.Zero,
        });
        await using var dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = "dash-" + Guid.NewGuid().ToString("N") });
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var settings = TestSettings.Minimal().WithOdoo(odoo).WithDashboard(dashboard)
            .With("ODOO_WEBHOOK_SECRET", Secret)
            .With("WEBHOOK_QUEUE", "bench-push-" + suffix)
            .With("WEBHOOK_INITIAL_DELAY_SECONDS", initialDelay.ToString(CultureInfo.InvariantCulture))
            .With("PUSH_INDEX_TABLE", "benchindex" + suffix)
            .With("SYNC_RUNS_TABLE", "benchruns" + suffix)
            .With("Logging:LogLevel:Default", "Warning")
            .Build();
        await using var app = await FunctionsTestHost.StartAsync(settings);
        await using var queue = QueueTriggerHost.Start(app.Services, app.Services.GetRequiredService<IConfiguration>());
        var productId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        var total = (changes * 2) + 1;
        var orders = new List<(long Mo, string Order)>();
        for (var i = 0; i < total; i++)
        {
            var mo = odoo.Store.AddManufacturingOrder(productId, 5, "confirmed");
            orders.Add((mo, dashboard.Orders.Add(mo, OrderStatus.Pending)));
        }

        var sync = app.Services.GetRequiredService<StatusSync>();
        var clock = Stopwatch.StartNew();
        await sync.TryRunAsync(SyncTrigger.Manual);
        var syncDuration = clock.Elapsed;
        var odooClient = app.Services.GetRequiredService<OdooClient>();
        await odooClient.ConnectAsync();
        var receiver = new Uri(app.BaseAddress, "api/odoo/webhooks/mrp-production?code=" + Secret).AbsoluteUri;
        var rule = odoo.AddWebhookRule(receiver);
        // Warm-up change on an order of its own: the first delivery pays the JIT and the queue's creation.
        await ChangeAsync(odooClient, orders[^1].Mo);
        await Eventually.HoldsWithinAsync(() => dashboard.Orders.Get(orders[^1].Order)!["status"]!.GetValue<string>() == OrderStatus.Cancelled, TimeSpan.FromSeconds(30));

        // Phase 1: push only.
        var sent = await SpreadAsync(odooClient, orders.Take(changes).ToList(), TimeSpan.FromSeconds(seconds));
        await Eventually.HoldsWithinAsync(() => sent.Keys.All(o => Arrived(dashboard, o) is not null), TimeSpan.FromSeconds(30));
        var push = sent.Select(p => Arrived(dashboard, p.Key) is { } at ? (at - p.Value).TotalMilliseconds : double.NaN).ToList();
        // The timer's figure for the same changes, whatever the phase of its 5-minute schedule: every second of it.
        var timerOnly = sent.Values.SelectMany(t => Enumerable.Range(0, 300).Select(phase =>
            (NextTick(t.AddSeconds(phase), TimeSpan.FromMinutes(5)) - t.AddSeconds(phase) + syncDuration).TotalMilliseconds)).ToList();
        var answered = odoo.Webhooks.Snapshot().Where(d => d.Outcome == OdooWebhookOutcome.Delivered).Select(d => d.Duration.TotalMilliseconds).ToList();

        // Phase 2: the receiver is down for a while (the rule points at a port nobody listens on); the timer repairs.
        var outageOrders = orders.Skip(changes).Take(changes).ToList();
        odoo.Store.Update("ir.actions.server", rule.ActionId, new System.Text.Json.Nodes.JsonObject { ["webhook_url"] = "http://127.0.0.1:9/api/odoo/webhooks/mrp-production?code=x" });
        using var timerStop = new CancellationTokenSource();
        var timer = RunTimerAsync(sync, TimeSpan.FromSeconds(timerSeconds), timerStop.Token);
        var outageSent = await SpreadAsync(odooClient, outageOrders.Take(changes / 2).ToList(), TimeSpan.FromSeconds(outageSeconds));
        odoo.Store.Update("ir.actions.server", rule.ActionId, new System.Text.Json.Nodes.JsonObject { ["webhook_url"] = receiver });
        var afterSent = await SpreadAsync(odooClient, outageOrders.Skip(changes / 2).ToList(), TimeSpan.FromSeconds(outageSeconds));
        foreach (var (order, at) in afterSent)
        {
            outageSent[order] = at;
        }

        await Eventually.HoldsWithinAsync(() => outageSent.Keys.All(o => Arrived(dashboard, o) is not null), TimeSpan.FromSeconds(timerSeconds * 2 + 30));
        await timerStop.CancelAsync();
        await timer;
        var outageLatency = outageSent.Select(p => Arrived(dashboard, p.Key) is { } at ? (at - p.Value).TotalMilliseconds : double.NaN).ToList();

        var missed = push.Count(double.IsNaN);
        var outageMissed = outageLatency.Count(double.IsNaN);
        Console.WriteLine();
        Console.WriteLine($"Odoo {version}: {changes} changes over {seconds} s, WEBHOOK_INITIAL_DELAY_SECONDS={initialDelay} ({odoo.Webhooks.Count} webhook POSTs sent by the double; the receiver answered them in p50 {Ms(Percentiles.Of(answered, 0.5))}, p99 {Ms(Percentiles.Of(answered, 0.99))}), one sync run {syncDuration.TotalMilliseconds:F0} ms");
        Console.WriteLine("| path | changes | missed | p50 | p99 | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Row("push (webhook → queue → PATCH)", push);
        Row("timer only (next 5-min tick + one run, any phase)", timerOnly);
        Row($"receiver down {outageSeconds} s, then up; timer every {timerSeconds} s", outageLatency);
        var pushP50 = Percentiles.Of(push, 0.5);
        Console.WriteLine($"ratio timer-only / push at p50: {Percentiles.Of(timerOnly, 0.5) / pushP50:F0}x; goal p50 <= {(version == "19.0" ? "1.0" : "1.5")} s, p99 <= 5 s, 0 missed; "
            + $"outage: every change within one timer interval + one run ({timerSeconds * 1000 + syncDuration.TotalMilliseconds:F0} ms): {(outageMissed == 0 && outageLatency.Max() <= (timerSeconds * 1000) + (syncDuration.TotalMilliseconds * 3) ? "yes" : "NO")}");
        return missed == 0 && outageMissed == 0;
    }

    private static async Task ChangeAsync(OdooClient odoo, long mo) => await odoo.CallAsync("mrp.production", "action_cancel", [mo]);

    /// <summary>Sends one change per order, evenly over <paramref name="span"/>; the send time of each.</summary>
    private static async Task<ConcurrentDictionary<string, DateTimeOffset>> SpreadAsync(OdooClient odoo, List<(long Mo, string Order)> orders, TimeSpan span)
    {
        var sent = new ConcurrentDictionary<string, DateTimeOffset>();
        var gap = span / Math.Max(1, orders.Count);
        var start = Stopwatch.StartNew();
        var calls = new List<Task>();
        for (var i = 0; i < orders.Count; i++)
        {
            var wait = (gap * i) - start.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var (mo, order) = orders[i];
            sent[order] = DateTimeOffset.UtcNow;
            calls.Add(ChangeAsync(odoo, mo));
        }

        await Task.WhenAll(calls);
        return sent;
    }

    private static async Task RunTimerAsync(StatusSync sync, TimeSpan interval, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(NextTick(DateTimeOffset.UtcNow, interval) - DateTimeOffset.UtcNow, stop);
                await sync.TryRunAsync(SyncTrigger.Timer, stop);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static DateTimeOffset NextTick(DateTimeOffset at, TimeSpan interval) =>
        new(((at.UtcTicks / interval.Ticks) + 1) * interval.Ticks, TimeSpan.Zero);

    private static DateTimeOffset? Arrived(DashboardDoubleServer dashboard, string order) =>
        dashboard.Requests.Patches().Where(p => p.PathAndQuery.EndsWith("/" + order, StringComparison.Ordinal) && p.Status < 300).Select(p => (DateTimeOffset?)p.ReceivedAt).Min();

    private static void Row(string name, List<double> values)
    {
        var arrived = values.Where(v => !double.IsNaN(v)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(name.StartsWith("timer only", StringComparison.Ordinal) ? values.Count / 300 : values.Count)} | {values.Count - arrived.Count} | {Ms(Percentiles.Of(arrived, 0.5))} | {Ms(Percentiles.Of(arrived, 0.99))} | {Ms(arrived.Count > 0 ? arrived.Max() : double.NaN)} |"));
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "-" : ms >= 10_000 ? $"{ms / 1000:F1} s" : ms < 10 ? $"{ms:F1} ms" : $"{ms:F0} ms";
}
