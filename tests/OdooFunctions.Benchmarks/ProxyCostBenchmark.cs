using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.FunctionsHost;
using OdooFunctions.Odoo;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// What the app adds to a read, as the dashboard sees it: the functions served over real loopback HTTP by the host
/// stand-in (the app's container, middleware: token check, rate limit, error map; the function; the Odoo client)
/// against the Odoo double as 19.0, beside the same JSON-2 request sent straight to the double (the bytes the app's
/// client sent, captured on the way). Per list call (<c>GET /api/odoo/manufacturing-orders?limit=20</c>) and per
/// single read (<c>GET /api/odoo/manufacturing-orders/{id}</c>): p50 of each side and the added p50. Goal ≤ 0.3 ms.
/// The Functions host's own hop (host → worker) is not in it: Core Tools cannot run here (about 1.5 ms on real Odoo).
/// <c>dotnet run -c Release --project tests/OdooFunctions.Benchmarks -- proxy [--calls 2000] [--rounds 5]</c>
/// </summary>
public static class ProxyCostBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = BenchmarkArgs.Option(args, "--calls", 2000);
        await LocalAzurite.EnsureRunningAsync();
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0", ApiKey = "bench-" + Guid.NewGuid().ToString("N") });
        var captured = new RequestCapture();
        // A rate limit no run reaches, and the app's own Odoo timeout instead of the tests' short one.
        await using var app = await FunctionsTestHost.StartAsync(
            TestSettings.For(odoo).With("RATE_LIMIT_PER_MINUTE", "100000000").With("ODOO_TIMEOUT_SECONDS", null).Build(),
            services => services.AddHttpClient(OdooClient.HttpClientName).AddHttpMessageHandler(() => captured));
        var token = TestTokens.Create(subject: "bench", expires: DateTime.UtcNow.AddHours(2));
        // A plain client, not the tests' app.Client: that one checks every answer against the OpenAPI document, a cost of
        // the test host and not of the app.
        using var toApp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = app.BaseAddress };
        toApp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var moId = odoo.Store.All("mrp.production")[0]["id"]!.GetValue<long>();

        // The first round only warms both paths up (the second call's code is largely the first's); of the measured
        // rounds the median is shown, with the spread, because one round's p50 moves by ±0.05 ms on this machine.
        var rounds = BenchmarkArgs.Option(args, "--rounds", 5);
        var list = new List<(double Raw, double App)>();
        var single = new List<(double Raw, double App)>();
        for (var round = 0; round <= rounds; round++)
        {
            var warmUp = round == 0 ? WarmUp : TimeSpan.Zero;
            var listRound = await CompareAsync(toApp, raw, captured, "api/odoo/manufacturing-orders?limit=20", "search_read", calls, warmUp);
            var singleRound = await CompareAsync(toApp, raw, captured, $"api/odoo/manufacturing-orders/{moId}", "read", calls, warmUp);
            if (round > 0)
            {
                list.Add(listRound);
                single.Add(singleRound);
            }
        }

        var hop = await EmptyHopAsync(raw, calls);

        Console.WriteLine($"Proxy cost: {calls} calls per side per round, {rounds} rounds after one to warm up, sequential, loopback, Odoo double 19.0 (JSON-2), the app's middleware and function in-process");
        Console.WriteLine("| call | raw JSON-2 p50 | through the app p50 | added p50 (median round) | added p50, all rounds | ratio | app's own (added - hop) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("list (limit 20)", list, hop);
        Row("single read", single, hop);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"An empty loopback HTTP hop (Kestrel answering a fixed body) takes {hop:F3} ms p50: the in-process host's hop, which the Functions host's replaces; 'app's own' is added minus that."));
        return 0;
    }

    /// <summary>The cost of one more loopback HTTP request/answer, the part of the added time that is the hop itself.</summary>
    private static async Task<double> EmptyHopAsync(HttpClient raw, int calls)
    {
        var web = Doubles.LoopbackWebApp.CreateBuilder().Build();
        var body = new byte[2048];
        Microsoft.AspNetCore.Builder.RunExtensions.Run(web, context => context.Response.Body.WriteAsync(body).AsTask());
        var address = await Doubles.LoopbackWebApp.StartAsync(web);
        try
        {
            var times = new List<double>(calls);
            for (var i = 0; i < calls + 200; i++)
            {
                var clock = Stopwatch.StartNew();
                using (var answer = await raw.GetAsync(address))
                {
                    await answer.Content.ReadAsByteArrayAsync();
                }

                if (i >= 200)
                {
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            return Percentiles.Of(times, 0.5);
        }
        finally
        {
            await web.DisposeAsync();
        }
    }

    private static async Task<(double Raw, double App)> CompareAsync(HttpClient toApp, HttpClient raw, RequestCapture captured, string path, string method, int calls, TimeSpan warmUp)
    {
        // One call through the app shows what it sends to Odoo (after its one-time login, version probe and fields_get).
        // Only then: a capture on every call would copy each body, a cost the app does not have.
        captured.Armed = true;
        for (var i = 0; i < 3; i++)
        {
            (await toApp.GetAsync(path)).EnsureSuccessStatusCode();
        }

        captured.Armed = false;
        var request = captured.Last(method) ?? throw new InvalidOperationException($"The app sent no {method} to Odoo.");
        var appTimes = new List<double>(calls);
        var rawTimes = new List<double>(calls);

        // Alternating blocks: each side runs warm (its connection and threads just used, as under steady traffic),
        // and a slow stretch of the machine falls on both sides alike. The first blocks only warm up, for seconds rather
        // than calls: the runtime moves hot code to its optimised tier in the background, and until it has, both sides
        // run 2-4x slower than the long-lived worker would.
        const int block = 25;
        var warmUntil = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        for (var done = 0; done < calls;)
        {
            var measured = Stopwatch.GetTimestamp() > warmUntil;
            done += measured ? block : 0;
            await TimeBlockAsync(measured ? appTimes : null, async () =>
            {
                using var answer = await toApp.GetAsync(path);
                await answer.Content.ReadAsByteArrayAsync();
            });
            await TimeBlockAsync(measured ? rawTimes : null, async () =>
            {
                using var message = request.ToMessage();
                using var answer = await raw.SendAsync(message);
                await answer.Content.ReadAsByteArrayAsync();
            });
        }

        static async Task TimeBlockAsync(List<double>? times, Func<Task> call)
        {
            for (var i = 0; i < block; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await call();
                times?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return (Percentiles.Of(rawTimes, 0.5), Percentiles.Of(appTimes, 0.5));
    }

    private static void Row(string name, List<(double Raw, double App)> rounds, double hop)
    {
        var byAdded = rounds.OrderBy(round => round.App - round.Raw).ToList();
        var p50 = byAdded[byAdded.Count / 2];
        var all = string.Join(" ", byAdded.Select(round => (round.App - round.Raw).ToString("F3", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {p50.Raw:F3} ms | {p50.App:F3} ms | +{p50.App - p50.Raw:F3} ms | {all} | {p50.App / p50.Raw:F2} | {p50.App - p50.Raw - hop:F3} ms |"));
    }

    /// <summary>Keeps the last request the app's Odoo client sent per method, to replay it raw.</summary>
    private sealed class RequestCapture : DelegatingHandler
    {
        private readonly Dictionary<string, CapturedRequest> _last = new(StringComparer.Ordinal);

        public CapturedRequest? Last(string method)
        {
            lock (_last)
            {
                return _last.GetValueOrDefault(method);
            }
        }

        public bool Armed { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Armed)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            var method = request.RequestUri!.Segments[^1];
            lock (_last)
            {
                _last[method] = new CapturedRequest(request.RequestUri, body, [.. request.Headers.Select(h => (h.Key, string.Join(",", h.Value)))],
                    request.Content?.Headers.ContentType?.ToString());
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private sealed record CapturedRequest(Uri Uri, byte[] Body, List<(string Name, string Value)> Headers, string? ContentType)
    {
        public HttpRequestMessage ToMessage()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, Uri) { Content = new ByteArrayContent(Body) };
            if (ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }

            foreach (var (name, value) in Headers.Where(h => !h.Name.Equals("traceparent", StringComparison.OrdinalIgnoreCase)))
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            return message;
        }
    }
}
