using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Settings;

public static partial class SettingsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="AppSettings"/> and validates the configuration when the host starts.</summary>
    public static IServiceCollection AddAppSettings(this IServiceCollection services, IConfiguration configuration)
    {
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
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AppSettings>>(new ConfigurationValidation(configuration));
        services.AddHostedService<InsecureOdooUrlWarning>();
        return services;
    }

    private sealed class ConfigurationValidation(IConfiguration configuration) : IValidateOptions<AppSettings>
    {
        public ValidateOptionsResult Validate(string? name, AppSettings options)
        {
            var problems = AppSettingsValidator.Validate(configuration);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
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
