using System.Collections.Concurrent;
using Azure.Core;

namespace OdooFunctions.Doubles.KeyVault;

/// <summary>
/// A test <see cref="TokenCredential"/> that hands out one fixed access token (the one a
/// <see cref="KeyVaultDoubleServer"/> accepts) and records what it was asked for.
/// </summary>
public sealed class StaticTokenCredential(string token, TimeSpan? lifetime = null) : TokenCredential
{
    private readonly ConcurrentQueue<TokenRequestContext> _requests = new();

    /// <summary>Every token request made so far (scopes, tenant), oldest first.</summary>
    public IReadOnlyCollection<TokenRequestContext> Requests => _requests;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _requests.Enqueue(requestContext);
        return new AccessToken(token, DateTimeOffset.UtcNow + (lifetime ?? TimeSpan.FromHours(1)));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    public override string ToString() => nameof(StaticTokenCredential);
}
