using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Odoo;

namespace OdooFunctions.Functions.Settings;

public static partial class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// The start-up warnings. Each part binds its own settings and checks them at start (<c>ValidateOnStart</c>); where the
    /// app starts, <see cref="SettingsCheck.CheckSettings"/> reports their problems in one message.
    /// </summary>
    public static IServiceCollection AddSettingsCheck(this IServiceCollection services)
    {
        services.AddHostedService<InsecureSettingsWarning>();
        return services;
    }

    /// <summary>
    /// The start-up warnings: the guide's for a plain-http Odoo (loopback excepted: the demos), and shared-secret tokens
    /// whose issuer or audience is not checked. The dashboard part warns about its own URL.
    /// </summary>
    private sealed partial class InsecureSettingsWarning(
        IOptions<OdooSettings> odoo, IOptions<DashboardAuthSettings> auth, ILogger<InsecureSettingsWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (SettingText.Value(odoo.Value.Url) is { } odooUrl && SettingText.IsInsecureUrl(odooUrl))
            {
                LogInsecure(logger, odooUrl);
            }

            // Shared-secret mode with nothing else checked: whoever holds the secret can mint any role.
            var issuer = SettingText.Value(auth.Value.Issuer);
            var audience = SettingText.Value(auth.Value.Audience);
            if (SettingText.Value(auth.Value.Authority) is null && (issuer is null || audience is null))
            {
                var notChecked = string.Join(" and ", new[] { issuer is null ? "AUTH_JWT_ISSUER" : null, audience is null ? "AUTH_JWT_AUDIENCE" : null }.OfType<string>());
                LogUncheckedSharedSecret(logger, notChecked);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "ODOO_URL is not using HTTPS ({OdooUrl}): the API key would cross the network in clear text. Use https://")]
        private static partial void LogInsecure(ILogger logger, string odooUrl);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Shared-secret (HS256) tokens without {NotChecked}: any token signed with the secret is accepted, whoever it was issued for. Set AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE")]
        private static partial void LogUncheckedSharedSecret(ILogger logger, string notChecked);
    }
}
