using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;

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
        // The library's default client waits 100 s; a reader waits for a fetch in flight, so it is bounded here.
        services.AddHttpClient(AuthorityConfigurationManager.HttpClientName, static http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<DashboardAuthOptions>();
            var metadata = options.Authority is not { } authority
                ? null
                : new AuthorityConfigurationManager(
                    authority.ToString().TrimEnd('/') + "/.well-known/openid-configuration",
                    () => new HttpDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>().CreateClient(AuthorityConfigurationManager.HttpClientName))
                    {
                        RequireHttps = !authority.IsLoopback,
                    },
                    options.KeyRefreshInterval,
                    provider.GetRequiredService<ILogger<AuthorityConfigurationManager>>());
            return new DashboardTokenValidator(options, provider.GetRequiredService<IDashboardSigningSecret>(), metadata);
        });
        services.AddSingleton<CallerRateLimiter>();
        services.AddSingleton<DashboardAuthMiddleware>();

        // The middleware logs a refused token itself (at Information): the error middleware adds no warning per request.
        services.AddErrorAnswer<TokenRefusedException>(401, ApiErrorCodes.Unauthorized, ex => ex.Message,
            (_, answer) => answer.WithHeader("WWW-Authenticate", "Bearer") with { Logged = false });
        services.AddErrorAnswer<RoleNotAllowedException>(403, ApiErrorCodes.Forbidden, ex => ex.Message, (_, answer) => answer with { Logged = false });
        services.AddErrorAnswer<RateLimitedException>(429, ApiErrorCodes.RateLimited, ex => ex.Message,
            (ex, answer) => answer.WithRetryAfter(ex.RetryAfter) with { Logged = false });
        services.AddErrorAnswer<IdentityProviderUnavailableException>(503, ApiErrorCodes.AuthUnavailable,
            _ => "The identity provider (AUTH_JWT_AUTHORITY) could not be reached, so the token could not be checked. Retry in a moment.",
            (ex, answer) => answer.WithRetryAfter(ex.RetryAfter));
        return services;
    }
}
