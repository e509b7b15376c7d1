using System.Threading.RateLimiting;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The bound on Odoo calls in flight from this process (<see cref="OdooClientOptions.MaxConcurrentCalls"/>).
/// Odoo serves each call with one database connection from a small pool (<c>db_maxconn</c>, 64 by default); a burst
/// beyond it is answered <c>500 text/html</c> before the call even starts. So the calls above the bound wait their
/// turn, oldest first, for at most <see cref="OdooClientOptions.MaxQueueWait"/>; a call that waited that long is
/// refused (<see cref="OdooOverloadedException"/>) rather than sent into a pool that is still full.
/// One gate per client, shared by every attempt of every call; a retry gives its place back while it backs off.
/// </summary>
internal sealed class OdooCallGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _maxWait;

    public OdooCallGate(OdooClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limit = Math.Max(1, options.MaxConcurrentCalls);
        _maxWait = options.MaxQueueWait;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Limit,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public int Limit { get; }

    /// <summary>A place for one attempt; a lease that is not acquired when the wait ran out.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_maxWait);
        try
        {
            return await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return WaitedTooLong.Instance;
        }
    }

    public void Dispose() => _limiter.Dispose();

    private sealed class WaitedTooLong : RateLimitLease
    {
        public static readonly WaitedTooLong Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
