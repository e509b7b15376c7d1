using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

public static partial class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Checks the configuration now, while the host is being built, so that a bad one stops the start with one
    /// message that names every problem (not a request later, and not one validator's view after another).
    /// </summary>
    public static IServiceCollection AddAppSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (AppSettingsValidator.Validate(configuration) is { Count: > 0 } problems)
        {
            throw new InvalidSettingsException(problems);
        }

        services.AddOptions<AppSettings>()
            .Configure(settings =>
            {
                var read = AppSettings.From(configuration);
                settings.OdooUrl = read.OdooUrl;
                settings.OdooDatabase = read.OdooDatabase;
                settings.OdooUsername = read.OdooUsername;
                settings.OdooProtocol = read.OdooProtocol;
                settings.HasOdooApiKey = read.HasOdooApiKey;
                settings.KeyVaultUri = read.KeyVaultUri;
                settings.HasJwtSecret = read.HasJwtSecret;
                settings.JwtAuthority = read.JwtAuthority;
            });
        services.AddHostedService<InsecureOdooUrlWarning>();
        return services;
    }

    /// <summary>The guide's warning for a plain-http Odoo (loopback excepted: the demo Odoo).</summary>
    private sealed partial class InsecureOdooUrlWarning(IOptions<AppSettings> settings, ILogger<InsecureOdooUrlWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (AppSettingsValidator.IsInsecureOdooUrl(settings.Value.OdooUrl))
            {
                LogInsecure(logger, settings.Value.OdooUrl!);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "ODOO_URL is not using HTTPS ({OdooUrl}): the API key would cross the network in clear text. Use https://")]
        private static partial void LogInsecure(ILogger logger, string odooUrl);
    }
}
