using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OdooFunctions.Functions.Http;

/// <summary>A JSON answer: a typed envelope written with its source-generated contract. Written directly, so it needs no MVC formatters.</summary>
public sealed class ApiResult : IActionResult
{
    // JSON for API clients, not HTML: keep quotes, '<' and non-ASCII names readable instead of \uXXXX escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonTypeInfo _typeInfo;

    private ApiResult(int statusCode, object body, JsonTypeInfo typeInfo)
    {
        StatusCode = statusCode;
        Body = body;
        _typeInfo = typeInfo;
    }

    public int StatusCode { get; }

    /// <summary>The envelope (<c>ListEnvelope</c>, <c>ItemEnvelope</c>, <c>ErrorEnvelope</c>, ...).</summary>
    public object Body { get; }

    /// <summary>Extra headers, e.g. <c>Retry-After</c> or <c>Location</c>.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResult Json<T>(int statusCode, T body, JsonTypeInfo<T> typeInfo) where T : notnull => new(statusCode, body, typeInfo);

    /// <summary>The body as it goes on the wire, as a JSON tree (for tests and tools; the answer itself is written directly).</summary>
    public JsonNode ToJson() => JsonSerializer.SerializeToNode(Body, _typeInfo)!;

    public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext);

    public async Task WriteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        // Written whole first, so the answer carries Content-Length (not chunked) and leaves in one write.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, Body, _typeInfo);
        }

        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
    }
}
