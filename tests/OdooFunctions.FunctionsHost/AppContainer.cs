using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OdooFunctions.Functions;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// The app's real DI container over given settings, built the one way every test host and benchmark builds it: the
/// settings as its <see cref="IConfiguration"/>, every log line collected (<c>GetFakeLogCollector()</c>), every
/// registration checked when built (a test's replacement that cannot be made fails there, not in the middle of a test),
/// scopes validated.
/// </summary>
public static class AppContainer
{
    /// <summary>
    /// The whole app (<see cref="OdooFunctionsApp.AddOdooFunctions"/>) with its settings checked as Program.cs checks them
    /// at start, so bad settings throw <see cref="InvalidSettingsException"/> here. <paramref name="configure"/> runs last: a test replaces what it stands in for.
    /// </summary>
    public static ServiceProvider Build(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, LogLevel? minimumLevel = null)
    {
        var provider = BuildPart(settings, (services, configuration) => services.AddOdooFunctions(configuration), configure, minimumLevel);
        try
        {
            provider.CheckSettings();
        }
        catch
        {
            provider.Dispose();
            throw;
        }

        return provider;
    }

    /// <summary>
    /// One part of the app (<paramref name="register"/>, e.g. <c>AddSecrets</c>) over settings that need not start the
    /// whole app. Its settings are not checked at build: the part's tests look for each failure where the part raises it.
    /// </summary>
    public static ServiceProvider BuildPart(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> register,
        Action<IServiceCollection>? configure = null, LogLevel? minimumLevel = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging =>
        {
            if (minimumLevel is { } level)
            {
                logging.SetMinimumLevel(level);
            }

            logging.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = false);
        });
        register(services, configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
