using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The start-up warning for shared-secret tokens whose issuer or audience is not checked: whoever holds the secret can
/// mint any role, for any application.
/// </summary>
internal sealed partial class UncheckedSharedSecretWarning(DashboardAuthOptions options, ILogger<UncheckedSharedSecretWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Authority is null && (options.Issuer is null || options.Audiences is []))
        {
            var notChecked = string.Join(" and ", new[] { options.Issuer is null ? "AUTH_JWT_ISSUER" : null, options.Audiences is [] ? "AUTH_JWT_AUDIENCE" : null }.OfType<string>());
            LogUncheckedSharedSecret(logger, notChecked);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shared-secret (HS256) tokens without {NotChecked}: any token signed with the secret is accepted, whoever it was issued for. Set AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE")]
    private static partial void LogUncheckedSharedSecret(ILogger logger, string notChecked);
}
