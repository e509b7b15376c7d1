using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>The worker's own host (what Program.cs builds, minus connecting to the Functions host) can create every function and middleware.</summary>
public sealed class WorkerHostTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOdooFunctions();
        return builder.Build();
    }

    [Fact]
    public void The_worker_host_builds_and_resolves_every_function_class_and_middleware()
    {
        using var host = Build(TestSettings.Minimal().With("DASHBOARD_API_URL", "http://127.0.0.1:9/api/").Build());

        // The worker casts each one to run it (OdooFunctionsApp.AddOdooFunctions).
        foreach (var middleware in OdooFunctionsApp.Middleware)
        {
            Assert.IsAssignableFrom<IFunctionsWorkerMiddleware>(host.Services.GetRequiredService(middleware));
        }

        var functionClasses = FunctionsMetadata.Load()
            .Select(f => f.EntryPoint[..f.EntryPoint.LastIndexOf('.')]).Distinct()
            .Select(name => typeof(OdooFunctionsApp).Assembly.GetType(name, throwOnError: true)!)
            .Where(type => !type.IsAbstract)
            .ToList();
        Assert.NotEmpty(functionClasses);
        using var scope = host.Services.CreateScope();
        var notCreated = functionClasses
            .Select(type => (type.Name, Error: Record.Exception(() => ActivatorUtilities.CreateInstance(scope.ServiceProvider, type))?.Message))
            .Where(failure => failure.Error is not null)
            .ToList();
        Assert.Empty(notCreated);
    }

    [Fact]
    public void The_worker_hosts_start_check_names_every_bad_setting_at_once()
    {
        using var host = Build(TestSettings.Minimal().With("ODOO_URL", null).With("RATE_LIMIT_PER_MINUTE", "many").Build());

        // What Program.cs runs before the host starts (here there is no Functions host to connect to).
        var failure = Assert.Throws<InvalidSettingsException>(host.Services.CheckSettings);

        Assert.Equal(new[] { "Missing required environment variables: ODOO_URL", "RATE_LIMIT_PER_MINUTE must be a positive whole number" }, failure.Problems);
    }
}
