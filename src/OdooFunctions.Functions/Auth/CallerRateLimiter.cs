using System.Threading.RateLimiting;

namespace OdooFunctions.Functions.Auth;

/// <summary>A fixed budget of requests per caller per minute (System.Threading.RateLimiting, one window per caller).</summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public CallerRateLimiter(DashboardAuthOptions options, TimeProvider? timeProvider = null)
    {
        _ = timeProvider;
        _limiter = PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetFixedWindowLimiter(caller, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.RequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes one request from <paramref name="caller"/>'s budget; on refusal, says when to retry.</summary>
    public bool TryAcquire(string caller, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <summary>True while <paramref name="caller"/> has budget left; takes nothing from it (a zero-permit lease only reports the state).</summary>
    public bool HasBudget(string caller, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(caller, permitCount: 0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
