using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Tests.Hosting;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>The worker's own host (what Program.cs builds, minus connecting to the Functions host) can create every function and middleware.</summary>
public sealed class WorkerHostTests
{
    [Fact]
    public void The_worker_host_builds_and_resolves_every_function_class_and_middleware()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ODOO_URL"] = "https://odoo.example.com",
            ["ODOO_DB"] = "odoo",
            ["ODOO_USERNAME"] = "api@yourcompany.com",
            ["ODOO_API_KEY"] = "test-key-value-0123456789",
            ["AUTH_JWT_SECRET"] = TestTokens.Secret,
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["DASHBOARD_API_URL"] = "http://127.0.0.1:9/api/",
        };
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOdooFunctions();
        using var host = builder.Build();

        foreach (var middleware in OdooFunctionsApp.Middleware)
        {
            Assert.NotNull(host.Services.GetRequiredService(middleware));
        }

        var functionClasses = FunctionsMetadata.Load()
            .Select(f => f.EntryPoint[..f.EntryPoint.LastIndexOf('.')]).Distinct()
            .Select(name => typeof(OdooFunctionsApp).Assembly.GetType(name, throwOnError: true)!)
            .Where(type => !type.IsAbstract)
            .ToList();
        Assert.NotEmpty(functionClasses);
        using var scope = host.Services.CreateScope();
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }
    }
}
