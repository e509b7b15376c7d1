using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// One wire protocol: where a call goes, how its body and headers are written and how the answer is read.
/// <see cref="OdooRpcChannel"/> sends through one of them; <see cref="OdooOperation"/> supplies the arguments.
/// </summary>
internal abstract class OdooWireProtocol
{
    /// <summary>The <c>odoo.protocol</c> tag: <c>jsonrpc</c> or <c>json2</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether a call goes over JSON-2: on a JSON-2 session, every call that has a JSON-2 form; the version probe and
    /// the login have none and always go over JSON-RPC.
    /// </summary>
    public static bool IsJson2(OdooCall call, OdooProtocol sessionProtocol) =>
        sessionProtocol == OdooProtocol.Json2 && call.Operation.WriteJson2 is not null;

    /// <param name="apiKey">Only for <c>common.authenticate</c>; every other call takes the key from <paramref name="session"/>.</param>
    public HttpRequestMessage CreateRequest(OdooCall call, OdooSession? session, string? apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, UriOf(call));
        var content = new ByteArrayContent(WriteBody(call, session, apiKey));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Content = content;
        AddHeaders(request, session);
        if (call.Retryable)
        {
            request.Options.Set(OdooRpcChannel.RetryableKey, true);
        }

        return request;
    }

    /// <summary>Odoo's result (<c>null</c> for None), or the <see cref="OdooException"/> its answer means.</summary>
    // Pooled like the channel's SendAsync: one of the three pooled layers every call passes (measurement: OdooRequestBody).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<JsonNode?> ReadAsync(HttpResponseMessage response, OdooCall call, string? key, CancellationToken cancellationToken)
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
                if (status is >= 200 and < 300)
                {
                    return await ReadResultAsync(stream, response, call, key, cancellationToken);
                }

                // Both protocols answer a failure status with Odoo's error object.
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

    protected abstract Uri UriOf(OdooCall call);

    protected abstract byte[] WriteBody(OdooCall call, OdooSession? session, string? apiKey);

    protected virtual void AddHeaders(HttpRequestMessage request, OdooSession? session)
    {
    }

    /// <summary>Reads a 2xx JSON answer.</summary>
    protected abstract ValueTask<JsonNode?> ReadResultAsync(Stream stream, HttpResponseMessage response, OdooCall call, string? key, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the raw Content-Type value rather than <see cref="HttpContentHeaders.ContentType"/>, which parses it
    /// into a <see cref="MediaTypeHeaderValue"/> (allocations on every call) only to look at the media type.
    /// One of the three savings measured together in <see cref="OdooRequestBody"/> (1.85 KB a call in all).
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
}
