using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.RateLimiting;
using Polly.Timeout;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The choke point: every request to Odoo, on either protocol, goes through <see cref="SendAsync"/>, which
/// builds it, sends it, times it, logs it (never the key), traces and measures it (<see cref="OdooTelemetry"/>) and
/// turns every failure into an <see cref="OdooException"/> through <see cref="OdooErrorMap"/>.
/// </summary>
internal sealed partial class OdooRpcChannel
{
    /// <summary>Set on reads; the resilience pipeline retries only requests that carry it.</summary>
    public static readonly HttpRequestOptionsKey<bool> RetryableKey = new("Odoo.Retryable");

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly string _database;
    private readonly Uri _baseUri;
    private readonly Uri _jsonRpcUri;
    private readonly long _maxResponseBytes;
    private readonly ConcurrentDictionary<(string Model, string Method), Uri> _json2Uris = new();
    private long _requestId;

    public OdooRpcChannel(HttpClient http, OdooClientOptions options, ILogger logger)
    {
        _http = http;
        _logger = logger;
        _database = options.Database;
        _maxResponseBytes = options.MaxResponseBytes;
        var url = options.Url ?? throw new ArgumentException("OdooClientOptions.Url is required.", nameof(options));
        // A base without a trailing slash would lose its last path segment when combined.
        _baseUri = url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        _jsonRpcUri = new Uri(_baseUri, "jsonrpc");
    }

    /// <summary>
    /// Sends one call and returns Odoo's result (<c>null</c> for None). <paramref name="apiKey"/> is only for
    /// <c>common.authenticate</c>; every other call takes the key from <paramref name="session"/>.
    /// </summary>
    // Pooled: this inner layer suspends on every call, and an unpooled ValueTask/Task box costs an allocation each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<JsonNode?> SendAsync(OdooCall call, OdooProtocol protocol, OdooSession? session, string? apiKey, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var key = apiKey ?? session?.ApiKey;
        var wire = OdooTelemetry.WireProtocol(call, protocol);
        var activity = OdooTelemetry.StartCall(call, wire);
        var outcome = OdooTelemetry.Ok;
        try
        {
            using var request = BuildRequest(call, protocol, session, apiKey);
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
                var result = await ReadAsync(response, call, protocol, key, cancellationToken);
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

    private HttpRequestMessage BuildRequest(OdooCall call, OdooProtocol protocol, OdooSession? session, string? apiKey)
    {
        HttpRequestMessage request;
        byte[] body;
        if (protocol == OdooProtocol.Json2 && call.Operation is not (OdooOperation.Version or OdooOperation.Authenticate))
        {
            body = OdooRequestBody.Json2(call);
            request = new HttpRequestMessage(HttpMethod.Post, Json2Uri(call.Model, call.Method));
            request.Headers.TryAddWithoutValidation("Authorization", session!.BearerHeader);
            request.Headers.TryAddWithoutValidation("X-Odoo-Database", _database);
        }
        else
        {
            body = OdooRequestBody.JsonRpc(call, _database, session, apiKey, Interlocked.Increment(ref _requestId));
            request = new HttpRequestMessage(HttpMethod.Post, _jsonRpcUri);
        }

        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Content = content;
        if (call.Retryable)
        {
            request.Options.Set(RetryableKey, true);
        }

        return request;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<JsonNode?> ReadAsync(HttpResponseMessage response, OdooCall call, OdooProtocol protocol, string? key, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (!IsJson(response.Content.Headers) || OdooErrorMap.IsUnavailableStatus(status))
        {
            throw OdooErrorMap.FromStatus(status, response.Content.Headers.ContentType?.ToString(), call);
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using (stream)
            {
                var isJsonRpc = protocol == OdooProtocol.JsonRpc || call.Operation is OdooOperation.Version or OdooOperation.Authenticate;
                if (status is >= 200 and < 300)
                {
                    if (!isJsonRpc)
                    {
                        return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
                    }

                    var envelope = await JsonSerializer.DeserializeAsync(stream, OdooWireContext.Default.JsonRpcResponse, cancellationToken)
                        ?? throw OdooErrorMap.FromStatus(status, response.Content.Headers.ContentType?.ToString(), call);
                    if (envelope.Error is { } error)
                    {
                        throw OdooErrorMap.FromOdooError(error.Data ?? new OdooErrorBody { Message = error.Message }, status, call, key);
                    }

                    return envelope.Result;
                }

                var body = await JsonSerializer.DeserializeAsync(stream, OdooWireContext.Default.OdooErrorBody, cancellationToken);
                throw OdooErrorMap.FromOdooError(body, status, call, key);
            }
        }
        catch (JsonException ex)
        {
            throw OdooErrorMap.NotJson(call, status, ex);
        }
        catch (HttpRequestException ex)
        {
            throw OdooErrorMap.Unreachable(call, ex);
        }
    }

    /// <summary>
    /// Reads the raw Content-Type value rather than <see cref="HttpContentHeaders.ContentType"/>, which parses it
    /// into a <see cref="MediaTypeHeaderValue"/> (allocations on every call) only to look at the media type.
    /// </summary>
    internal static bool IsJson(HttpContentHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values) || values.Count != 1)
        {
            // Absent, or sent twice: let the parser decide, as before.
            return IsJson(headers.ContentType?.MediaType);
        }

        string? raw = null;
        foreach (var value in values)
        {
            raw = value;
        }

        var mediaType = raw.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        return IsJson(semicolon >= 0 ? mediaType[..semicolon] : mediaType);
    }

    private static bool IsJson(ReadOnlySpan<char> mediaType)
    {
        mediaType = mediaType.Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.Length > "+json".Length && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private Uri Json2Uri(string model, string method) =>
        _json2Uris.GetOrAdd((model, method), static (key, baseUri) =>
            new Uri(baseUri, "json/2/" + Uri.EscapeDataString(key.Model) + "/" + Uri.EscapeDataString(key.Method)), _baseUri);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Odoo {Model}.{Method} over {Protocol}: ok in {ElapsedMs:F1} ms")]
    private static partial void LogCall(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Odoo {Model}.{Method} over {Protocol}: {Outcome} ({OdooError}, HTTP {Status}) in {ElapsedMs:F1} ms")]
    private static partial void LogFailure(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs, string outcome, string odooError, int status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Odoo {Model}.{Method} over {Protocol}: cancelled by the caller after {ElapsedMs:F1} ms")]
    private static partial void LogCancelled(ILogger logger, string model, string method, OdooProtocol protocol, double elapsedMs);
}
