using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OdooFunctions.Functions.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Dashboard JWT validation, roles and the per-caller rate limit, with their settings (<see cref="DashboardAuthSettings"/>) bound and checked at start.</summary>
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardAuthSettings>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DashboardAuthSettings>>(new DashboardAuthSettingsValidator(configuration));
        services.AddSingleton(static provider => provider.GetRequiredService<IOptions<DashboardAuthSettings>>().Value.ToOptions());
        services.TryAddSingleton<IDashboardSigningSecret, StoredSigningSecret>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<DashboardAuthOptions>();
            IConfigurationManager<OpenIdConnectConfiguration>? metadata = options.Authority is null
                ? null
                : new ConfigurationManager<OpenIdConnectConfiguration>(
                    options.Authority.ToString().TrimEnd('/') + "/.well-known/openid-configuration",
                    new OpenIdConnectConfigurationRetriever(),
                    new HttpDocumentRetriever { RequireHttps = !options.Authority.IsLoopback });
            return new DashboardTokenValidator(options, provider.GetRequiredService<IDashboardSigningSecret>(), metadata);
        });
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<DashboardAuthMiddleware>();
        return services;
    }
}
