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
    private readonly ISecretSource _source;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _failureTtl;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Read? _current;

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
        _failureTtl = failureTtl;
        _source = source;
        _ttl = ttl;
        _time = timeProvider;
        _logger = logger;
    }

    public SecretReference Reference { get; }

    /// <summary>
    /// The secret's value, from the cache or from one shared read. <paramref name="cancellationToken"/> stops this
    /// caller's wait only: the shared read goes on for the others (it is bounded by the source's own timeouts).
    /// </summary>
    /// <exception cref="SecretUnavailableException">The read failed.</exception>
    public ValueTask<string> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var read = Volatile.Read(ref _current);
        if (read is null || !IsFresh(read))
        {
            read = StartOrJoinRead();
        }

        var task = read.Value.Task;
        return task.IsCompletedSuccessfully ? ValueTask.FromResult(task.Result) : new ValueTask<string>(task.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Forget the cached value so the next <see cref="GetValueAsync"/> reads it again. A read in flight is kept: it is
    /// already fresh. A remembered failure is kept until its time is up: a rejected key is no reason to hit a vault
    /// that just failed.
    /// </summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            if (_current is { } read && read.Value.Task.IsCompletedSuccessfully)
            {
                _current = null;
            }
        }

        SecretsLog.SecretInvalidated(_logger, Reference.SecretName);
    }

    public override string ToString() => $"{nameof(CachedSecret)}({Reference.SecretName})";

    // Fresh: still in flight, or completed (value or failure) and not yet expired.
    private bool IsFresh(Read read) => !read.Value.Task.IsCompleted || _time.GetUtcNow() < read.ExpiresAt;

    private Read StartOrJoinRead()
    {
        Read read;
        lock (_gate)
        {
            if (_current is { } current && IsFresh(current))
            {
                return current;
            }

            read = new Read();
            _current = read;
        }

        // Started outside the lock: the source does I/O.
        _ = FillAsync(read);
        return read;
    }

    private async Task FillAsync(Read read)
    {
        try
        {
            var value = await _source.GetSecretAsync(Reference, CancellationToken.None);
            read.ExpiresAt = _time.GetUtcNow() + _ttl;
            SecretsLog.SecretCached(_logger, Reference.SecretName, read.ExpiresAt);
            read.Value.SetResult(value);
        }
        catch (Exception exception)
        {
            // Jittered (1× to 1.5×) so that instances which failed together do not all retry together.
            read.ExpiresAt = _time.GetUtcNow() + _failureTtl * (1 + (Random.Shared.NextDouble() / 2));
            read.Value.SetException(exception);
        }
    }

    private sealed class Read
    {
        public TaskCompletionSource<string> Value { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Written before Value completes, read only after.
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
