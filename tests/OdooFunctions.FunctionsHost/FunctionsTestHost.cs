using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using OdooFunctions.Doubles;

using OdooFunctions.Functions;
using OdooFunctions.FunctionsHost.OpenApi;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// Serves the app's HTTP functions over real HTTP on loopback, the way the Functions host would: the routes and
/// methods come from the generated <c>functions.metadata</c>, each invocation resolves the function class from the
/// app's real DI container (composed by <see cref="OdooFunctionsApp"/>) and runs through the app's real middleware.
/// Stands in only for the Functions host process, which cannot be installed here.
/// </summary>
public sealed class FunctionsTestHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly ServiceProvider _services;

    private FunctionsTestHost(WebApplication web, ServiceProvider services, Uri baseAddress)
    {
        _web = web;
        _services = services;
        BaseAddress = baseAddress;
        // Every answer is held to the app's OpenAPI document: a test fails on one the document does not allow.
        Client = new HttpClient(new OpenApiContractHandler(baseAddress)) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    /// <summary>The tests' client: every answer is checked against the app's OpenAPI document (<see cref="OpenApiContractHandler"/>).</summary>
    public HttpClient Client { get; }

    /// <summary>The app's container.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Every log line the app wrote.</summary>
    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public static async Task<FunctionsTestHost> StartAsync(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        // What the host does at start: validate the settings (fails like the real host would), then start its services.
        var provider = AppContainer.Build(settings, replace);
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var web = LoopbackWebApp.CreateBuilder().Build();
        foreach (var function in FunctionsMetadata.Load().Where(f => f.TriggerType == "httpTrigger"))
        {
            var invoker = new HttpFunctionInvoker(function);
            web.MapMethods("/api/" + function.Route, function.Methods, context => invoker.InvokeAsync(provider, context));
        }

        return new FunctionsTestHost(web, provider, await LoopbackWebApp.StartAsync(web));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _web.DisposeAsync();
        await _services.DisposeAsync();
    }
}
