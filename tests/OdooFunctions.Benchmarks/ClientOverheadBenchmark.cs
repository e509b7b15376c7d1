using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// Issue #2 §6: what the Odoo client adds to one <c>search_read</c> over a raw HttpClient sending the same bytes
/// to the same loopback double (JSON-2, as 19.0). Goal: under 0.3 ms and under 5% at p50 (the Median column).
/// Both sides send the same bytes and headers (checked in setup) and parse the answer into JSON nodes, so the
/// difference is the client's own machinery: body writing, session lookup, timeouts and retry policy, error
/// mapping, and its per-call log line, which is enabled here (into a sink that discards it) because the client
/// must log every call; with no logger enabled the benchmark would skip that work.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class ClientOverheadBenchmark
{
    private static readonly string[] Fields = ["name", "product_id", "product_qty", "state", "origin"];

    // Byte for byte what OdooClient writes for the call below.
    private static readonly byte[] RawBody = Encoding.UTF8.GetBytes(
        """{"domain":[["state","=","confirmed"]],"fields":["name","product_id","product_qty","state","origin"],"limit":3,"offset":0,"order":"id"}""");

    private static readonly OdooDomain Confirmed = OdooDomain.Where("state", "=", "confirmed");

    private OdooDoubleServer _server = null!;
    private ServiceProvider _services = null!;
    private OdooClient _client = null!;
    private HttpClient _raw = null!;
    private Uri _searchReadUri = null!;
    private string _bearer = null!;

    /// <summary>
    /// Time the double takes to answer. 0: pure loopback, where the server itself costs ~70 us and the client's own
    /// work is most visible; 1 ms: closer to a real Odoo on a nearby network.
    /// </summary>
    [Params(0, 1)]
    public int OdooLatencyMs { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0", Latency = TimeSpan.FromMilliseconds(OdooLatencyMs) });
        _services = ClientServices().BuildServiceProvider();
        _client = _services.GetRequiredService<OdooClient>();
        var connection = await _client.ConnectAsync();
        if (connection.Protocol != OdooProtocol.Json2)
        {
            throw new InvalidOperationException("The benchmark compares JSON-2 calls.");
        }

        _raw = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _searchReadUri = new Uri(_server.BaseAddress, "json/2/mrp.production/search_read");
        _bearer = "bearer " + _server.Options.ApiKey;

        // Same answer both ways, or the comparison is meaningless.
        var viaClient = await ClientSearchRead();
        var viaRaw = await RawSearchRead();
        if (!JsonNode.DeepEquals(new JsonArray([.. viaClient.Select(r => (JsonNode)r.DeepClone())]), viaRaw))
        {
            throw new InvalidOperationException("The client and the raw request got different answers.");
        }

        await CheckSameRequestAsync();
    }

    private ServiceCollection ClientServices()
    {
        var services = new ServiceCollection();
        services
            .AddLogging(logging => logging.AddProvider(new DiscardingLoggerProvider()))
            .AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider(_server.Options.ApiKey))
            .AddOdooClient(o =>
            {
                o.Url = _server.BaseAddress;
                o.Database = _server.Options.Database;
                o.Username = _server.Options.Login;
            });
        return services;
    }

    /// <summary>
    /// The client's request, captured by a second client built only for this check (so that the measured one carries
    /// no capturing handler), must match the raw one: same URL, body bytes and headers.
    /// </summary>
    private async Task CheckSameRequestAsync()
    {
        var capture = new CapturingHandler();
        var services = ClientServices();
        services.AddHttpClient(OdooClient.HttpClientName).AddHttpMessageHandler(() => capture);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<OdooClient>().SearchReadAsync("mrp.production", Confirmed, Fields, limit: 3, order: "id");
        var sent = capture.Last ?? throw new InvalidOperationException("The client sent no search_read.");
        if (sent.Uri != _searchReadUri
            || !sent.Body.AsSpan().SequenceEqual(RawBody)
            || sent.Authorization != _bearer
            || sent.Database != _server.Options.Database
            || sent.ContentType != "application/json")
        {
            throw new InvalidOperationException(
                $"The client's request differs from the raw one: {sent.Uri} {Encoding.UTF8.GetString(sent.Body)} (content type {sent.ContentType}).");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _raw.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient search_read")]
    public async Task<JsonNode?> RawSearchRead()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _searchReadUri) { Content = new ByteArrayContent(RawBody) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", _bearer);
        request.Headers.TryAddWithoutValidation("X-Odoo-Database", _server.Options.Database);
        using var response = await _raw.SendAsync(request);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonNode.ParseAsync(stream);
    }

    [Benchmark(Description = "OdooClient.SearchReadAsync")]
    public Task<IReadOnlyList<JsonObject>> ClientSearchRead() =>
        _client.SearchReadAsync("mrp.production", Confirmed, Fields, limit: 3, order: "id");

    private sealed record SentRequest(Uri? Uri, byte[] Body, string? Authorization, string? Database, string? ContentType);

    private sealed class CapturingHandler : DelegatingHandler
    {
        public SentRequest? Last { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/search_read", StringComparison.Ordinal) == true)
            {
                Last = new SentRequest(
                    request.RequestUri,
                    await request.Content!.ReadAsByteArrayAsync(cancellationToken),
                    request.Headers.TryGetValues("Authorization", out var auth) ? string.Join(",", auth) : null,
                    request.Headers.TryGetValues("X-Odoo-Database", out var db) ? string.Join(",", db) : null,
                    request.Content.Headers.ContentType?.ToString());
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Enabled for every level, writes nowhere: the client pays for its log call, not for a console.</summary>
    private sealed class DiscardingLoggerProvider : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig()
        {
            // In-process: no per-run project generation (the referenced Functions project is slow to build).
            // 60 iterations: loopback timings on a 2-core machine are noisy, and p50 is the figure that counts.
            AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
                .WithIterationCount(60).WithWarmupCount(15));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
