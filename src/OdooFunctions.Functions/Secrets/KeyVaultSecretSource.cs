using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Secrets;

/// <summary>Reads secrets from Azure Key Vault through the real <see cref="SecretClient"/>; every call is one vault read.</summary>
public sealed class KeyVaultSecretSource(SecretClient client, ILogger<KeyVaultSecretSource> logger) : ISecretSource
{
    public string Description { get; } = $"Key Vault '{client.VaultUri}'";

    public async ValueTask<string> GetSecretAsync(SecretReference secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        KeyVaultSecret read;
        try
        {
            read = (await client.GetSecretAsync(secret.SecretName, version: null, cancellationToken)).Value;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && Classify(exception) is { } failure)
        {
            throw Unavailable(secret, failure.Reason, failure.Detail, failure.Status, exception);
        }

        if (string.IsNullOrEmpty(read.Value))
        {
            throw Unavailable(secret, SecretUnavailableReason.Empty, "the secret's value is empty.", status: 200, inner: null);
        }

        SecretsLog.SecretRead(logger, secret.SecretName, read.Properties.Version, client.VaultUri);
        return read.Value;
    }

    private SecretUnavailableException Unavailable(SecretReference secret, SecretUnavailableReason reason, string detail, int? status, Exception? inner)
    {
        SecretsLog.SecretUnavailable(logger, secret.SecretName, Description, reason, status);
        // The inner exception is kept for diagnosis: Key Vault error bodies and transport errors carry no secret values.
        return new SecretUnavailableException(secret.SecretName, Description, reason, detail, status, inner);
    }

    private readonly record struct Failure(SecretUnavailableReason Reason, string Detail, int? Status);

    // One table from what the SDK throws to why the secret is unavailable.
    private static Failure? Classify(Exception exception) => exception switch
    {
        RequestFailedException { Status: 404 } e => new(SecretUnavailableReason.NotFound,
            $"the vault has no such secret ({e.Status} {e.ErrorCode}).", e.Status),
        RequestFailedException { Status: 401 or 403 } e => new(SecretUnavailableReason.AccessDenied,
            $"the vault denied access ({e.Status} {e.ErrorCode}); give the app's identity the 'Key Vault Secrets User' role or a 'get' access policy.", e.Status),
        RequestFailedException { Status: 0 } => new(SecretUnavailableReason.VaultUnreachable,
            "the vault could not be reached (connection failed).", null),
        RequestFailedException e => new(SecretUnavailableReason.VaultError,
            $"the vault answered {e.Status} {e.ErrorCode}.", e.Status),
        CredentialUnavailableException => new(SecretUnavailableReason.AccessDenied,
            "no Azure credential is available (managed identity or developer sign-in).", null),
        AuthenticationFailedException => new(SecretUnavailableReason.AccessDenied,
            "the app's identity could not get a token for the vault.", null),
        // Azure.Core's retry policy gives up on repeated transport failures with an AggregateException.
        AggregateException { InnerExceptions: [.., var last] } => Classify(last) is { } inner
            ? inner with { Detail = inner.Detail.TrimEnd('.') + " after retries." }
            : null,
        // Not the caller's cancellation (filtered above): the SDK's network timeout.
        OperationCanceledException => new(SecretUnavailableReason.VaultUnreachable, "the vault did not answer in time.", null),
        HttpRequestException or IOException => new(SecretUnavailableReason.VaultUnreachable,
            "the vault could not be reached (connection failed).", null),
        _ => null,
    };
}
