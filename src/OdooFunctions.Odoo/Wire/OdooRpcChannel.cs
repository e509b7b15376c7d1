using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.RateLimiting;
using Polly.Timeout;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The choke point: every request to Odoo, on either protocol, goes through <see cref="SendAsync"/>, which
/// has the call's protocol (<see cref="OdooJsonRpcProtocol"/> or <see cref="OdooJson2Protocol"/>) build it, sends it, times it, logs it (never the key), traces and measures it (<see cref="OdooTelemetry"/>) and
/// turns every failure into an <see cref="OdooException"/> through <see cref="OdooErrorMap"/>.
/// </summary>
internal sealed partial class OdooRpcChannel
{
    /// <summary>Set on reads; the resilience pipeline retries only requests that carry it.</summary>
    public static readonly HttpRequestOptionsKey<bool> RetryableKey = new("Odoo.Retryable");

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly long _maxResponseBytes;
    private readonly OdooJsonRpcProtocol _jsonRpc;
    private readonly OdooJson2Protocol _json2;

    public OdooRpcChannel(HttpClient http, OdooClientOptions options, ILogger logger)
    {
        _http = http;
        _logger = logger;
        _maxResponseBytes = options.MaxResponseBytes;
        var url = options.Url ?? throw new ArgumentException("OdooClientOptions.Url is required.", nameof(options));
        // A base without a trailing slash would lose its last path segment when combined.
        var baseUri = url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        _jsonRpc = new OdooJsonRpcProtocol(baseUri, options.Database);
        _json2 = new OdooJson2Protocol(baseUri, options.Database);
    }

    /// <summary>
    /// Sends one call and returns Odoo's result (<c>null</c> for None). <paramref name="apiKey"/> is only for
    /// <c>common.authenticate</c>; every other call takes the key from <paramref name="session"/>.
    /// </summary>
    // Pooled: this inner layer suspends on every call, and an unpooled ValueTask/Task box costs an allocation each time
    // (a few hundred bytes per call for the three pooled layers on the JSON-2 path; see OdooRequestBody for the measurement).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<JsonNode?> SendAsync(OdooCall call, OdooProtocol protocol, OdooSession? session, string? apiKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var key = apiKey ?? session?.ApiKey;
        OdooWireProtocol carrier = OdooWireProtocol.IsJson2(call, protocol) ? _json2 : _jsonRpc;
        var wire = carrier.Name;
        var activity = OdooTelemetry.StartCall(call, wire);
        var outcome = OdooTelemetry.Ok;
        try
        {
            using var request = carrier.CreateRequest(call, session, apiKey);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (TimeoutRejectedException ex)
            {
                throw OdooErrorMap.TimedOut(call, ex);
            }
            catch (RateLimiterRejectedException ex)
            {
                throw OdooErrorMap.Overloaded(call, ex);
            }
            catch (TaskCanceledException ex)
            {
                // HttpClient.Timeout, which also bounds reading the body.
                throw OdooErrorMap.TimedOut(call, ex);
            }
            catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
            {
                // HttpClient.MaxResponseContentBufferSize: the body stopped being read at the cap.
                throw OdooErrorMap.TooLarge(call, _maxResponseBytes, ex);
            }
            catch (HttpRequestException ex)
            {
                throw OdooErrorMap.Unreachable(call, ex);
            }

            using (response)
            {
                var result = await carrier.ReadAsync(response, call, key, cancellationToken);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogCall(_logger, call.Model, call.Method, protocol, elapsedMs);
                }

                return result;
            }
        }
        catch (OdooException ex)
        {
            outcome = ex.GetType().Name;
            if (_logger.IsEnabled(LogLevel.Warning))
            {
                LogFailure(_logger, call.Model, call.Method, protocol, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    ex.GetType().Name, ex.Error?.Name ?? "-", ex.Error?.HttpStatus ?? 0);
            }

            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = OdooTelemetry.Cancelled;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                LogCancelled(_logger, call.Model, call.Method, protocol, elapsedMs);
            }

            throw;
        }
        catch (Exception ex)
        {
            // Not one the map knows (a bug, or a body that cannot be written): still a failed call in the telemetry.
            outcome = ex.GetType().Name;
            throw;
        }
        finally
        {
            OdooTelemetry.EndCall(activity, call, wire, outcome, started);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Odoo {Model}.{Method} over {Protocol}: ok in {ElapsedMs:F1} ms")]
    private static partial void LogCall(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Odoo {Model}.{Method} over {Protocol}: {Outcome} ({OdooError}, HTTP {Status}) in {ElapsedMs:F1} ms")]
    private static partial void LogFailure(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs, string outcome, string odooError, int status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Odoo {Model}.{Method} over {Protocol}: cancelled by the caller after {ElapsedMs:F1} ms")]
    private static partial void LogCancelled(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs);
}
