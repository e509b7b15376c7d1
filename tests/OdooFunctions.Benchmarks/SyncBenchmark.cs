using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.ManufacturingOrders;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Odoo;
using OdooFunctions.FunctionsHost;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// The guide's sync loop (Example 3: one Odoo read per order, one after another) against the batched
/// <see cref="StatusSync"/>, in one process, on the same loopback doubles and the same app container:
/// 10,000 linked orders, 1% changed in Odoo before each, the Odoo double adding 5 ms to every call.
/// <c>dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- sync [--orders N] [--latency-ms N]</c>
/// </summary>
public static class SyncBenchmark
{
    private static readonly string[] GuideFields = ["state", "qty_produced"];

    public static async Task<int> RunAsync(string[] args)
    {
        var orderCount = BenchmarkArgs.Option(args, "--orders", 10_000);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArgs.Option(args, "--latency-ms", 5));
        var changedCount = Math.Max(1, orderCount / 100);

        Console.WriteLine($"Status sync benchmark: {orderCount:N0} linked orders, {changedCount:N0} changed in Odoo before each run, Odoo latency {latency.TotalMilliseconds} ms per call");
        await LocalAzurite.EnsureRunningAsync();
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = "bench-" + Guid.NewGuid().ToString("N") });
        await using var dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = "bench-" + Guid.NewGuid().ToString("N") });
        var productId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        var moIds = new List<long>(orderCount);
        for (var i = 0; i < orderCount; i++)
        {
            var moId = odoo.Store.AddManufacturingOrder(productId, 10, "confirmed");
            moIds.Add(moId);
            dashboard.Orders.Add(moId, "pending", 0);
        }

        var table = "syncbench" + Guid.NewGuid().ToString("N")[..12];
        await using var provider = BenchmarkApp.Build(
            TestSettings.Minimal().WithOdoo(odoo).WithDashboard(dashboard).With("SYNC_RUNS_TABLE", table),
            args.Contains("--verbose") ? LogLevel.Information : LogLevel.Warning);
        var client = provider.GetRequiredService<OdooClient>();
        var orders = provider.GetRequiredService<DashboardOrdersClient>();
        var sync = provider.GetRequiredService<StatusSync>();

        // Login, version probe and connection set-up are paid once by the app, not by either algorithm.
        await client.ConnectAsync();
        odoo.Latency = latency;

        ChangeInOdoo(odoo, moIds, changedCount, shift: 0);
        var guide = args.Contains("--skip-guide")
            ? new Measurement(0, 0, 0, TimeSpan.Zero)
            : await MeasureAsync(odoo, dashboard, () => GuideLoopAsync(client, orders));
        ChangeInOdoo(odoo, moIds, changedCount, shift: 1);
        var batched = await MeasureAsync(odoo, dashboard, async () =>
        {
            var run = await sync.TryRunAsync(SyncTrigger.Manual) ?? throw new InvalidOperationException("A run was already in progress.");
            if (run.Outcome != SyncOutcome.Succeeded)
            {
                throw new InvalidOperationException($"The sync run did not succeed: {run.Outcome} {string.Join("; ", run.Errors)}");
            }

            return run.Patched;
        });

        try
        {
            await provider.GetRequiredService<TableServiceClient>().DeleteTableAsync(table);
        }
        catch (Azure.RequestFailedException)
        {
            // Azurite not running: the run record was not written either (logged by the sync); the numbers stand.
        }

        Console.WriteLine();
        Console.WriteLine("| algorithm                       | Odoo calls | dashboard calls | patched | wall time |");
        Console.WriteLine("|---------------------------------|-----------:|----------------:|--------:|----------:|");
        Row("guide loop (1 read per order)", guide);
        Row("StatusSync (batched search_read)", batched);
        var speedup = guide.Elapsed / batched.Elapsed;
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio: {speedup:F0}x faster, {(double)guide.OdooCalls / batched.OdooCalls:F0}x fewer Odoo calls. Goal: <= 21 Odoo calls ({(batched.OdooCalls <= 21 ? "met" : "MISSED")}), >= 100x faster ({(speedup >= 100 ? "met" : "MISSED")})."));
        return batched.OdooCalls <= 21 && speedup >= 100 ? 0 : 1;
    }

    /// <summary>The guide's Example 3, as written: every linked order, one Odoo read each, PATCH when the status differs.</summary>
    private static async Task<int> GuideLoopAsync(OdooClient odoo, DashboardOrdersClient dashboard)
    {
        var patched = 0;
        foreach (var order in await dashboard.GetLinkedOrdersAsync())
        {
            // GET /odoo/manufacturing-orders/{id} is one `read` of one record.
            var mo = (await odoo.ReadAsync("mrp.production", [order.OdooMoId], GuideFields)).Single();
            var status = OrderStatus.For(MoState.Parse(mo["state"]!.GetValue<string>()));
            if (order.Status != status)
            {
                await dashboard.PatchOrderAsync(order.Id, status, mo["qty_produced"]!.GetValue<double>());
                patched++;
            }
        }

        return patched;
    }

    /// <summary>Starts <paramref name="count"/> confirmed MOs (→ in_progress), a different slice for each algorithm.</summary>
    private static void ChangeInOdoo(OdooDoubleServer odoo, List<long> moIds, int count, int shift)
    {
        var step = moIds.Count / count;
        for (var i = 0; i < count; i++)
        {
            odoo.Store.Update("mrp.production", moIds[(i * step + shift) % moIds.Count], new JsonObject { ["state"] = "progress", ["qty_producing"] = 1 });
        }
    }

    private static async Task<Measurement> MeasureAsync(OdooDoubleServer odoo, DashboardDoubleServer dashboard, Func<Task<int>> run)
    {
        var odooBefore = odoo.Calls.Total;
        var dashboardBefore = dashboard.Requests.Total;
        var clock = Stopwatch.StartNew();
        var patched = await run();
        clock.Stop();
        return new Measurement(odoo.Calls.Total - odooBefore, dashboard.Requests.Total - dashboardBefore, patched, clock.Elapsed);
    }

    private static void Row(string name, Measurement m) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name,-31} | {m.OdooCalls,10:N0} | {m.DashboardCalls,15:N0} | {m.Patched,7:N0} | {m.Elapsed.TotalMilliseconds,7:N0} ms |"));

    private sealed record Measurement(int OdooCalls, int DashboardCalls, int Patched, TimeSpan Elapsed);
}
