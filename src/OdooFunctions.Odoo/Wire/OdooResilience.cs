using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The resilience pipeline of the Odoo HttpClient: a bound on the whole call, retries with exponential
/// backoff for reads only and only on transient failures, and a bound on each attempt.
/// </summary>
internal static class OdooResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, OdooClientOptions options)
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
        _ => false,
    };
}
