using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;
using OdooFunctions.Functions;

namespace OdooFunctions.Benchmarks;

/// <summary>The app's real container, as the worker composes it, pointed at the Odoo double and Azurite.</summary>
internal static class BenchmarkApp
{
    public static ServiceProvider Build(OdooDoubleServer odoo, IReadOnlyDictionary<string, string?> extra, LogLevel minimumLevel = LogLevel.Warning)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ODOO_URL"] = odoo.BaseAddress.AbsoluteUri,
            ["ODOO_DB"] = odoo.Options.Database,
            ["ODOO_USERNAME"] = odoo.Options.Login,
            ["ODOO_API_KEY"] = odoo.Options.ApiKey,
            ["AUTH_JWT_SECRET"] = "bench-" + Guid.NewGuid().ToString("N"),
            ["AzureWebJobsStorage"] = LocalAzurite.ConnectionString,
        };
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(minimumLevel).AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff "));
        services.AddOdooFunctions(configuration);
        return services.BuildServiceProvider();
    }
}
