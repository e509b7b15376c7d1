using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The resilience step of the Odoo HttpClient: a bound on each attempt, and retries with exponential backoff
/// (with jitter) for reads only and only on transient failures (connection errors, 502/503/504, an attempt that
/// timed out). The bound on the whole call, retries and body included, is <see cref="HttpClient.Timeout"/>,
/// which <c>AddOdooClient</c> sets to <see cref="OdooClientOptions.TotalTimeout"/>.
/// </summary>
/// <remarks>
/// Written by hand rather than as a Microsoft.Extensions.Http.Resilience (Polly) pipeline: the pipeline's
/// strategy layers cost about 10 us and 2.5 KB on every call, more than the 5% the client may add to a
/// loopback search_read (issue #2 §6), while doing nothing on the happy path but arm one timeout.
/// </remarks>
internal sealed partial class OdooResilienceHandler : DelegatingHandler
{
    private readonly TimeSpan _attemptTimeout;
    private readonly int _maxReadRetries;
    private readonly TimeSpan _retryBaseDelay;
    private readonly ILogger _logger;

    public OdooResilienceHandler(OdooClientOptions options, ILogger logger)
    {
        _attemptTimeout = options.AttemptTimeout;
        _maxReadRetries = Math.Max(0, options.MaxReadRetries);
        _retryBaseDelay = options.RetryBaseDelay;
        _logger = logger;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Creates, writes, unlinks and actions are never marked: sending them twice could do the work twice.
        var retries = request is OdooRequestMessage { Retryable: true } ? _maxReadRetries : 0;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage? response = null;
            Exception? failure;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(_attemptTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token);
                    if (!IsTransient(response))
                    {
                        return response;
                    }

                    failure = null;
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && attemptTimeout.IsCancellationRequested)
                {
                    failure = new TimeoutException($"The attempt did not finish within {_attemptTimeout.TotalMilliseconds:F0} ms.", ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = ex;
                }
            }

            if (attempt >= retries)
            {
                // Out of retries (or not a read): the last outcome stands, as the caller would have seen it.
                if (response is not null)
                {
                    return response;
                }

                ExceptionDispatchInfo.Throw(failure!);
            }

            var delay = Backoff(attempt);
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                LogRetry(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? "", response is null ? failure!.GetType().Name : "HTTP " + (int)response.StatusCode,
                    attempt + 1, retries, delay.TotalMilliseconds);
            }

            response?.Dispose();
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static bool IsTransient(HttpResponseMessage response) => (int)response.StatusCode is 502 or 503 or 504;

    /// <summary>Base delay doubled per retry, spread by ±25% so that clients that failed together do not retry together.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var exponential = _retryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt);
        return TimeSpan.FromMilliseconds(exponential * (0.75 + (Random.Shared.NextDouble() * 0.5)));
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Odoo {HttpMethod} {Path}: transient failure ({Outcome}), retry {Retry} of {MaxRetries} in {DelayMs:F0} ms")]
    private static partial void LogRetry(ILogger logger, string httpMethod, string path, string outcome, int retry, int maxRetries, double delayMs);
}
