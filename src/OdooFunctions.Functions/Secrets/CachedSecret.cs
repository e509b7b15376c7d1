using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// One secret, kept for a time to live. Concurrent callers on a cold or expired cache share a single read
/// (single flight). A failed read (missing, access denied, vault down) is kept too, for a short jittered time
/// (<see cref="SecretsOptions.FailureTtl"/>): callers in that window get the same failure without a vault read,
/// so a broken vault is not hammered by every request, and instances do not all retry in the same second.
/// <see cref="Invalidate"/> forces a fresh read of a value, e.g. after Odoo rejected the key (rotation).
/// </summary>
public sealed class CachedSecret
{
    private readonly ILogger _logger;
    private readonly SingleFlight<string> _value;

    public CachedSecret(SecretReference reference, ISecretSource source, TimeSpan ttl, TimeProvider timeProvider, ILogger logger)
        : this(reference, source, ttl, SecretsOptions.DefaultFailureTtl, timeProvider, logger)
    {
    }

    public CachedSecret(SecretReference reference, ISecretSource source, TimeSpan ttl, TimeSpan failureTtl, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(failureTtl, TimeSpan.Zero);
        Reference = reference;
        _logger = logger;
        _value = new SingleFlight<string>(
            () => source.GetSecretAsync(reference, CancellationToken.None).AsTask(),
            timeProvider,
            keepValue: _ =>
            {
                var expiresAt = timeProvider.GetUtcNow() + ttl;
                SecretsLog.SecretCached(logger, reference.SecretName, expiresAt);
                return ttl;
            },
            // Jittered (1× to 1.5×) so that instances which failed together do not all retry together.
            keepFailure: _ => failureTtl * (1 + (Random.Shared.NextDouble() / 2)));
    }

    public SecretReference Reference { get; }

    /// <summary>
    /// The secret's value, from the cache or from one shared read. <paramref name="cancellationToken"/> stops this
    /// caller's wait only: the shared read goes on for the others (it is bounded by the source's own timeouts).
    /// </summary>
    /// <exception cref="SecretUnavailableException">The read failed.</exception>
    public ValueTask<string> GetValueAsync(CancellationToken cancellationToken = default) => _value.GetAsync(cancellationToken);

    /// <summary>
    /// Forget the cached value so the next <see cref="GetValueAsync"/> reads it again. A read in flight is kept: it is
    /// already fresh. A remembered failure is kept until its time is up: a rejected key is no reason to hit a vault
    /// that just failed.
    /// </summary>
    public void Invalidate()
    {
        _value.ForgetValue();
        SecretsLog.SecretInvalidated(_logger, Reference.SecretName);
    }

    public override string ToString() => $"{nameof(CachedSecret)}({Reference.SecretName})";
}
