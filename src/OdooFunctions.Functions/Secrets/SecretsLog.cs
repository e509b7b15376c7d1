using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Secrets;

// Log lines of the secrets part. None takes a secret value: only names, versions, sources and reasons.
internal static partial class SecretsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Read secret {SecretName} (version {Version}) from Key Vault {VaultUri}")]
    public static partial void SecretRead(ILogger logger, string secretName, string? version, Uri vaultUri);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Secret {SecretName} unavailable from {Source}: {Reason} (status {Status})")]
    public static partial void SecretUnavailable(ILogger logger, string secretName, string source, SecretUnavailableReason reason, int? status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Secret {SecretName} invalidated; the next use reads it again")]
    public static partial void SecretInvalidated(ILogger logger, string secretName);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Secret {SecretName} cached until {ExpiresAt:o}")]
    public static partial void SecretCached(ILogger logger, string secretName, DateTimeOffset expiresAt);
}
