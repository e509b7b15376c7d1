using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Benchmarks;

/// <summary>
/// Issue #2 §6: what the Odoo client adds to one <c>search_read</c> over a raw HttpClient sending the same bytes
/// to the same loopback double (JSON-2, as 19.0). Goal: under 0.3 ms and under 5% at p50 (the Median column).
/// Both sides parse the answer into JSON nodes, so the difference is the client's own machinery:
/// body writing, session lookup, resilience pipeline, error mapping, logging.
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

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0" });
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider(_server.Options.ApiKey))
            .AddOdooClient(o =>
            {
                o.Url = _server.BaseAddress;
                o.Database = _server.Options.Database;
                o.Username = _server.Options.Login;
            })
            .BuildServiceProvider();
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

    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig()
        {
            // In-process: no per-run project generation (the referenced Functions project is slow to build).
            AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(15).WithWarmupCount(5));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
