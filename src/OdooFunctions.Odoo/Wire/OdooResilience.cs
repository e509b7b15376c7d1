using System.Net;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The resilience pipeline of the Odoo HttpClient: a bound on the whole call, retries with exponential
/// backoff for reads only and only on transient failures, the bound on calls in flight (<see cref="OdooCallGate"/>),
/// and a bound on each attempt. The gate sits inside the retry, so a read that backs off gives its place back, and
/// outside the attempt timeout, so waiting for a place does not eat the time Odoo has to answer.
/// </summary>
internal static class OdooResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, OdooClientOptions options, OdooCallGate gate)
    {
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxReadRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxReadRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Context) && IsTransient(args.Outcome)),
            });
        }

        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            RateLimiter = args => gate.AcquireAsync(args.Context.CancellationToken),
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    // Creates, writes, unlinks and actions are never marked: sending them twice could do the work twice.
    private static bool IsRetryable(ResilienceContext context) =>
        context.GetRequestMessage() is { } request
        && request.Options.TryGetValue(OdooRpcChannel.RetryableKey, out var retryable)
        && retryable;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        // Werkzeug's generic page, no Odoo error in it: what a full connection pool answers (PoolError raised before
        // the call is dispatched). A 500 with Odoo's JSON error is the call's own failure and is not retried.
        { Result: { StatusCode: HttpStatusCode.InternalServerError } response } => !OdooWireProtocol.IsJson(response.Content.Headers),
        _ => false,
    };
}
