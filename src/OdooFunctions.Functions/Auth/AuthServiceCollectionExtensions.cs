using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Dashboard JWT validation, roles and the per-caller rate limit, with their settings (<see cref="DashboardAuthOptions"/>)
    /// bound and checked at start, and the warning for shared-secret tokens whose issuer or audience is not checked.
    /// </summary>
    public static IServiceCollection AddDashboardAuth(this IServiceCollection services, IConfiguration configuration)
    {
        // The shared secret is a secret, so it is not bound: only whether it is there and its length are checked.
        var secretSetting = SecretReference.DashboardJwtSecret.SettingName;
        var minimumBytes = SigningKeySizes.MinimumBytes("HS256");
        services.AddSettings<DashboardAuthOptions, DashboardAuthOptionsValidator>(configuration)
            .PostConfigure(static options =>
            {
                options.ReadRoles = options.ReadRoles is [] ? DashboardAuthOptions.DefaultRoles : options.ReadRoles;
                options.WriteRoles = options.WriteRoles is [] ? DashboardAuthOptions.DefaultRoles : options.WriteRoles;
            })
            .Validate(options => SettingValues.IsSet(configuration, secretSetting) || options.Authority is not null || SettingValues.IsSet(configuration, SecretsOptions.KeyVaultUriSetting),
                InvalidSettingsException.Missing($"{secretSetting} (or AUTH_JWT_AUTHORITY, or {SecretsOptions.KeyVaultUriSetting})"))
            // An authority signs tokens for every application of its tenant: without an audience, any of them would do.
            .Validate(options => options.Authority is null || options.Audiences is not [],
                InvalidSettingsException.Missing("AUTH_JWT_AUDIENCE (required with AUTH_JWT_AUTHORITY)"))
            // RFC 7518 §3.2: an HS256 key shorter than the hash (32 bytes) is refused by the token library on every request.
            .Validate(options => options.Authority is not null || !SettingValues.IsSet(configuration, secretSetting) || Encoding.UTF8.GetByteCount(configuration[secretSetting]!) >= minimumBytes,
                $"{secretSetting} must be at least {minimumBytes} bytes for HS256 (48 for HS384, 64 for HS512)");
        services.AddSingleton(static provider => provider.GetRequiredService<IOptions<DashboardAuthOptions>>().Value);
        services.AddHostedService<UncheckedSharedSecretWarning>();
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
