using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.FunctionsHost;
using OdooFunctions.Odoo;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// What idempotency costs a create: the app's <see cref="ManufacturingOrderCreator"/> against the Odoo double (with a
/// latency like a real Odoo's) and Azurite, creating without a key or origin (plain), with an Idempotency-Key (reserve
/// + complete in Table storage) and with an origin only (reserve + one search in Odoo + complete). Prints p50/p99 per
/// mode and the ratio to plain.
/// <c>dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- create [--creates N] [--latency-ms N]</c>
/// </summary>
public static class CreateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var creates = BenchmarkArgs.Option(args, "--creates", 200);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArgs.Option(args, "--latency-ms", 20));
        Console.WriteLine($"Create benchmark: {creates} creates per mode, Odoo latency {latency.TotalMilliseconds} ms per call, Azurite on loopback");

        await LocalAzurite.EnsureRunningAsync();
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = "bench-" + Guid.NewGuid().ToString("N") });
        await using var provider = BenchmarkApp.Build(TestSettings.Minimal().WithOdoo(odoo));
        var creator = provider.GetRequiredService<ManufacturingOrderCreator>();
        var productId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();

        // Warm-up: login, version probe, fields_get and the table's creation are paid once per process.
        await provider.GetRequiredService<OdooClient>().ConnectAsync();
        await creator.CreateAsync(new ManufacturingOrderCreate(productId, 1, null, null, "warm-up " + Guid.NewGuid(), null), Guid.NewGuid().ToString(), CancellationToken.None);
        odoo.Latency = latency;

        var plain = await MeasureAsync(odoo, creates, i => creator.CreateAsync(new ManufacturingOrderCreate(productId, 1, null, null, null, null), null, CancellationToken.None));
        var keyed = await MeasureAsync(odoo, creates, i => creator.CreateAsync(new ManufacturingOrderCreate(productId, 1, null, null, null, null), Guid.NewGuid().ToString(), CancellationToken.None));
        var byOrigin = await MeasureAsync(odoo, creates, i => creator.CreateAsync(new ManufacturingOrderCreate(productId, 1, null, null, "bench " + Guid.NewGuid(), null), null, CancellationToken.None));

        Console.WriteLine();
        Console.WriteLine("| mode                          | Odoo calls / create | p50 ms | p99 ms | added p50 ms | ratio p50 |");
        Console.WriteLine("|-------------------------------|--------------------:|-------:|-------:|-------------:|----------:|");
        Row("plain (no key, no origin)", plain, plain);
        Row("Idempotency-Key", keyed, plain);
        Row("origin (no key)", byOrigin, plain);
        return 0;
    }

    private sealed record Measurement(double OdooCallsPerCreate, double P50, double P99);

    private static async Task<Measurement> MeasureAsync(OdooDoubleServer odoo, int count, Func<int, Task<CreateOutcome>> create)
    {
        var before = odoo.Calls.Total;
        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            var outcome = await create(i);
            samples[i] = clock.Elapsed.TotalMilliseconds;
            if (outcome.Duplicate)
            {
                throw new InvalidOperationException("A fresh create was answered as a duplicate.");
            }
        }

        return new Measurement((double)(odoo.Calls.Total - before) / count, Percentiles.Of(samples, 0.5), Percentiles.Of(samples, 0.99));
    }

    private static void Row(string mode, Measurement m, Measurement plain) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {mode,-29} | {m.OdooCallsPerCreate,19:F1} | {m.P50,6:F1} | {m.P99,6:F1} | {m.P50 - plain.P50,12:F1} | {m.P50 / plain.P50,9:F2} |"));
}
