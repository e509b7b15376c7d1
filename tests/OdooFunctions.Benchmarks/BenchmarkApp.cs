using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.FunctionsHost;

namespace OdooFunctions.Benchmarks;

/// <summary>The app's real container, as the worker composes it, pointed at the Odoo double and Azurite; its log on the console.</summary>
internal static class BenchmarkApp
{
    public static ServiceProvider Build(TestSettings settings, LogLevel minimumLevel = LogLevel.Warning) =>
        AppContainer.Build(
            settings.Build(),
            services => services.AddLogging(logging => logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ")),
            minimumLevel);
}
