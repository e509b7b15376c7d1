using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using OdooFunctions.Doubles;

using OdooFunctions.Functions;

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
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

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
            web.MapMethods("/api/" + function.Route, function.Methods, context => InvokeAsync(provider, function, context));
        }

        return new FunctionsTestHost(web, provider, await LoopbackWebApp.StartAsync(web));
    }

    private static async Task InvokeAsync(IServiceProvider app, FunctionMetadata function, HttpContext httpContext)
    {
        await using var scope = app.CreateAsyncScope();
        httpContext.RequestServices = scope.ServiceProvider;
        var context = new TestFunctionContext(function.Name, function.EntryPoint, scope.ServiceProvider, httpContext, httpContext.RequestAborted);

        FunctionExecutionDelegate pipeline = ctx => RunFunctionAsync(function, ctx, httpContext);
        foreach (var middlewareType in OdooFunctionsApp.Middleware.Reverse())
        {
            var middleware = (IFunctionsWorkerMiddleware)scope.ServiceProvider.GetRequiredService(middlewareType);
            var next = pipeline;
            pipeline = ctx => middleware.Invoke(ctx, next);
        }

        await pipeline(context);
    }

    private static async Task RunFunctionAsync(FunctionMetadata function, FunctionContext context, HttpContext httpContext)
    {
        var split = function.EntryPoint.LastIndexOf('.');
        var type = typeof(OdooFunctionsApp).Assembly.GetType(function.EntryPoint[..split], throwOnError: true)!;
        var method = type.GetMethod(function.EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.InstanceServices, type);
        var arguments = method.GetParameters().Select(object? (parameter) => parameter.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => httpContext.Request,
            var t when t == typeof(FunctionContext) => context,
            var t when t == typeof(CancellationToken) => httpContext.RequestAborted,
            _ => httpContext.GetRouteValue(parameter.Name!)?.ToString(),
        }).ToArray();

        var result = await (Task<IActionResult>)method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _web.DisposeAsync();
        await _services.DisposeAsync();
    }
}
