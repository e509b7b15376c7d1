using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// One Odoo double on loopback plus an <see cref="OdooClient"/> built the way the app builds it
/// (<c>AddOdooClient</c>, named HttpClient, resilience pipeline), with every log line collected.
/// A fresh double per test: faults, rotations and call counts must not leak between tests.
/// </summary>
internal sealed class OdooTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OdooTestContext(OdooDoubleServer server, CountingKeyProvider keys, ServiceProvider services)
    {
        Server = server;
        Keys = keys;
        _services = services;
        Client = services.GetRequiredService<OdooClient>();
        Logs = services.GetFakeLogCollector();
    }

    public OdooDoubleServer Server { get; }

    public CountingKeyProvider Keys { get; }

    public OdooClient Client { get; }

    /// <summary>The typed client of manufacturing orders, over <see cref="Client"/>, as <c>AddOdooClient</c> registers it.</summary>
    public Models.ManufacturingOrderClient ManufacturingOrders => _services.GetRequiredService<Models.ManufacturingOrderClient>();

    public FakeLogCollector Logs { get; }

    public string ApiKey => Server.Options.ApiKey;

    public static async Task<OdooTestContext> StartAsync(
        string version,
        OdooProtocol protocol = OdooProtocol.Auto,
        Action<OdooClientOptions>? configure = null,
        string? vaultKey = null,
        string? database = null,
        Action<OdooDoubleOptions>? configureDouble = null)
    {
        // A key unlike the demo one, so that a leak cannot hide behind a well-known value.
        var apiKey = "k3y-" + Guid.NewGuid().ToString("N");
        var doubleOptions = new OdooDoubleOptions { Version = version, ApiKey = apiKey };
        configureDouble?.Invoke(doubleOptions);
        var server = await OdooDoubleServer.StartAsync(doubleOptions);
        var keys = new CountingKeyProvider(vaultKey ?? apiKey);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging())
            .AddSingleton<IOdooApiKeyProvider>(keys)
            .AddOdooClient(options =>
            {
                options.Url = server.BaseAddress;
                options.Database = database ?? server.Options.Database;
                options.Username = server.Options.Login;
                options.Protocol = protocol;
                options.AttemptTimeout = TimeSpan.FromSeconds(5);
                options.TotalTimeout = TimeSpan.FromSeconds(20);
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                configure?.Invoke(options);
            })
            .BuildServiceProvider(validateScopes: true);
        return new OdooTestContext(server, keys, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
