using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

using OdooFunctions.Functions;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// Runs one HTTP function the way the worker does: a scope per invocation, the app's middleware in order, then the
/// method with its bindings. The type, method, constructor and parameter bindings are looked up once, at start: the
/// worker's source-generated executor does no reflection per call either, so a benchmark through this host measures
/// the app and not the stand-in.
/// </summary>
internal sealed class HttpFunctionInvoker
{
    private readonly FunctionMetadata _function;
    private readonly MethodInfo _method;
    private readonly ObjectFactory? _create;
    private readonly Func<HttpContext, FunctionContext, object?>[] _bindings;

    public HttpFunctionInvoker(FunctionMetadata function)
    {
        _function = function;
        _method = function.ResolveMethod();
        _create = _method.IsStatic ? null : ActivatorUtilities.CreateFactory(_method.DeclaringType!, Type.EmptyTypes);
        _bindings = [.. _method.GetParameters().Select(Func<HttpContext, FunctionContext, object?> (parameter) => parameter.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => static (http, _) => http.Request,
            var t when t == typeof(FunctionContext) => static (_, context) => context,
            var t when t == typeof(CancellationToken) => static (http, _) => http.RequestAborted,
            _ => (http, _) => http.GetRouteValue(parameter.Name!)?.ToString(),
        })];
    }

    public async Task InvokeAsync(IServiceProvider app, HttpContext httpContext)
    {
        await using var scope = app.CreateAsyncScope();
        httpContext.RequestServices = scope.ServiceProvider;
        var context = new TestFunctionContext(_function.Name, _function.EntryPoint, scope.ServiceProvider, httpContext, httpContext.RequestAborted);

        FunctionExecutionDelegate pipeline = ctx => RunFunctionAsync(ctx, httpContext);
        foreach (var middlewareType in OdooFunctionsApp.Middleware.Reverse())
        {
            var middleware = (IFunctionsWorkerMiddleware)scope.ServiceProvider.GetRequiredService(middlewareType);
            var next = pipeline;
            pipeline = ctx => middleware.Invoke(ctx, next);
        }

        await pipeline(context);
    }

    private async Task RunFunctionAsync(FunctionContext context, HttpContext httpContext)
    {
        var instance = _create?.Invoke(context.InstanceServices, null);
        var arguments = new object?[_bindings.Length];
        for (var i = 0; i < _bindings.Length; i++)
        {
            arguments[i] = _bindings[i](httpContext, context);
        }

        var result = await (Task<IActionResult>)_method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(httpContext, httpContext.GetRouteData(), new ActionDescriptor()));
    }
}
