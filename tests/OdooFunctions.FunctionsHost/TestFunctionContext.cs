using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

using OdooFunctions.Functions;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// The invocation context the worker would give a function. The ASP.NET Core integration finds the request's
/// HttpContext under the item key "HttpRequestContext" (what <c>GetHttpContext()</c> reads), so the app's real
/// middleware sees the real request.
/// </summary>
public sealed class TestFunctionContext : FunctionContext
{
    public TestFunctionContext(string name, string entryPoint, IServiceProvider services, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        FunctionDefinition = new Definition(name, entryPoint);
        InstanceServices = services;
        CancellationToken = cancellationToken;
        if (httpContext is not null)
        {
            Items["HttpRequestContext"] = httpContext;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();
    public override string FunctionId => FunctionDefinition.Id;
    public override TraceContext TraceContext => throw new NotSupportedException();
    public override BindingContext BindingContext => throw new NotSupportedException();
    public override RetryContext RetryContext => throw new NotSupportedException();
    public override IServiceProvider InstanceServices { get; set; }
    public override FunctionDefinition FunctionDefinition { get; }
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
    public override IInvocationFeatures Features => throw new NotSupportedException();
    public override CancellationToken CancellationToken { get; }

    private sealed class Definition(string name, string entryPoint) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];
        public override string PathToAssembly => typeof(OdooFunctionsApp).Assembly.Location;
        public override string EntryPoint => entryPoint;
        public override string Id => name;
        public override string Name => name;
        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
