using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace OdooFunctions.Functions.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Dashboard JWT validation, roles and the per-caller rate limit.</summary>
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DashboardAuthOptions.From(configuration);
        services.AddSingleton(options);
        services.TryAddSingleton<IDashboardSigningSecret, StoredSigningSecret>();
        services.AddSingleton(provider =>
        {
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
