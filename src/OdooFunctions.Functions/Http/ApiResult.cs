using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OdooFunctions.Functions.Http;

/// <summary>A JSON answer in the guide's envelope. Written directly, so it needs no MVC formatters.</summary>
public sealed class ApiResult(int statusCode, JsonObject body) : IActionResult
{
    // JSON for API clients, not HTML: keep quotes, '<' and non-ASCII names readable instead of \uXXXX escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int StatusCode { get; } = statusCode;

    public JsonObject Body { get; } = body;

    /// <summary>Extra headers, e.g. <c>Retry-After</c> or <c>Location</c>.</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

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
            Body.WriteTo(writer);
        }

        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
    }
}
