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
                settings.JwtIssuer = read.JwtIssuer;
                settings.JwtAudience = read.JwtAudience;
                settings.JwtSecretBytes = read.JwtSecretBytes;
                settings.DashboardApiUrl = read.DashboardApiUrl;
            });
        services.AddHostedService<InsecureOdooUrlWarning>();
        return services;
    }

    /// <summary>
    /// The start-up warnings: the guide's for a plain-http Odoo, the same for a plain-http dashboard API (loopback
    /// excepted: the demos), and shared-secret tokens whose issuer or audience is not checked.
    /// </summary>
    private sealed partial class InsecureOdooUrlWarning(IOptions<AppSettings> settings, ILogger<InsecureOdooUrlWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var value = settings.Value;
            if (AppSettingsValidator.IsInsecureOdooUrl(value.OdooUrl))
            {
                LogInsecure(logger, value.OdooUrl!);
            }

            if (AppSettingsValidator.IsInsecureUrl(value.DashboardApiUrl))
            {
                LogInsecureDashboard(logger, value.DashboardApiUrl!);
            }

            // Shared-secret mode with nothing else checked: whoever holds the secret can mint any role.
            if (value.JwtAuthority is null && (value.JwtIssuer is null || value.JwtAudience is null))
            {
                var notChecked = string.Join(" and ", new[] { value.JwtIssuer is null ? "AUTH_JWT_ISSUER" : null, value.JwtAudience is null ? "AUTH_JWT_AUDIENCE" : null }.OfType<string>());
                LogUncheckedSharedSecret(logger, notChecked);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "ODOO_URL is not using HTTPS ({OdooUrl}): the API key would cross the network in clear text. Use https://")]
        private static partial void LogInsecure(ILogger logger, string odooUrl);

        [LoggerMessage(Level = LogLevel.Warning, Message = "DASHBOARD_API_URL is not using HTTPS ({DashboardApiUrl}): the dashboard API token would cross the network in clear text. Use https://")]
        private static partial void LogInsecureDashboard(ILogger logger, string dashboardApiUrl);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shared-secret (HS256) tokens without {NotChecked}: any token signed with the secret is accepted, whoever it was issued for. Set AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE")]
        private static partial void LogUncheckedSharedSecret(ILogger logger, string notChecked);
    }
}
