using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Products;
using OdooFunctions.FunctionsHost;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// The app's own burst against an Odoo with a connection limit: N simultaneous <c>GET /api/odoo/products?limit=1</c> on
/// one cold instance (the app's container, the products function and its error map, no version probe or login yet)
/// against the Odoo double limited like Odoo's pool (<c>db_maxconn</c> 64: above it, the recorded 500 text/html page).
/// Per <c>ODOO_MAX_CONCURRENT_CALLS</c>: errors, p50/p99 and the most calls the double saw in flight.
/// <c>dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- burst [--requests N] [--odoo-limit N] [--latency-ms N]</c>
/// </summary>
public static class BurstBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchmarkArgs.Option(args, "--requests", 256);
        var limit = BenchmarkArgs.Option(args, "--odoo-limit", 64);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArgs.Option(args, "--latency-ms", 20));
        Console.WriteLine($"Burst benchmark: {requests} simultaneous cold GET /api/odoo/products?limit=1, Odoo double limited to {limit} calls in flight, {latency.TotalMilliseconds} ms per call");
        await LocalAzurite.EnsureRunningAsync();

        var rows = new List<(string Mode, Result Result)>
        {
            ("ODOO_MAX_CONCURRENT_CALLS=16 (default)", await MeasureAsync(requests, limit, latency, 16)),
            ($"ODOO_MAX_CONCURRENT_CALLS={limit} (Odoo's whole pool, one instance)", await MeasureAsync(requests, limit, latency, limit)),
            ($"ODOO_MAX_CONCURRENT_CALLS={requests} (no bound; retries only)", await MeasureAsync(requests, limit, latency, requests)),
        };

        Console.WriteLine();
        Console.WriteLine("| mode | requests | errors | p50 ms | p99 ms | most in flight at Odoo | pool-full answers | Odoo search_read calls |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (mode, r) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {requests} | {r.Errors}{(r.Errors > 0 ? " (" + r.Statuses + ")" : "")} | {r.P50:F1} | {r.P99:F1} | {r.MostInFlight} | {r.PoolFull} | {r.SearchReads} |"));
        }

        return rows[0].Result.Errors == 0 && rows[0].Result.MostInFlight <= limit ? 0 : 1;
    }

    private sealed record Result(int Errors, string Statuses, double P50, double P99, int MostInFlight, int PoolFull, int SearchReads);

    private static async Task<Result> MeasureAsync(int requests, int limit, TimeSpan latency, int bound)
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions
        {
            ApiKey = "bench-" + Guid.NewGuid().ToString("N"),
            MaxConcurrentCalls = limit,
            Latency = latency,
        });
        // Errors only: every retried pool-full answer is a Polly warning, hundreds of lines in the unbounded mode.
        await using var provider = BenchmarkApp.Build(
            TestSettings.Minimal().WithOdoo(odoo).With("ODOO_MAX_CONCURRENT_CALLS", bound.ToString(CultureInfo.InvariantCulture)),
            Microsoft.Extensions.Logging.LogLevel.Error);
        var products = ActivatorUtilities.CreateInstance<ProductsFunctions>(provider);
        var errors = provider.GetRequiredService<ApiErrors>();
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, requests).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var clock = Stopwatch.StartNew();
            var status = await CallAsync(products, errors);
            return (Status: status, Ms: clock.Elapsed.TotalMilliseconds);
        })).ToList();
        await Task.Delay(100);
        start.Set();
        var answers = await Task.WhenAll(calls);

        var samples = answers.Select(a => a.Ms).ToArray();
        var failed = answers.Where(a => a.Status != 200).ToList();
        var statuses = string.Join(", ", failed.GroupBy(a => a.Status).Select(g => $"{g.Count()}× {g.Key}"));
        return new Result(failed.Count, statuses, Percentiles.Of(samples, 0.5), Percentiles.Of(samples, 0.99),
            odoo.MostInFlight, odoo.PoolFullAnswers, odoo.Calls.Count("product.product", "search_read"));
    }

    /// <summary>The function as the host calls it, failures turned into answers by the app's error map.</summary>
    private static async Task<int> CallAsync(ProductsFunctions products, ApiErrors errors)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/odoo/products";
        context.Request.QueryString = new QueryString("?limit=1");
        try
        {
            var result = await products.ListAsync(context.Request);
            return result is ApiResult api ? api.StatusCode : 200;
        }
        catch (Exception e) when (errors.Find(e) is { } mapped)
        {
            return mapped.Status;
        }
    }
}
