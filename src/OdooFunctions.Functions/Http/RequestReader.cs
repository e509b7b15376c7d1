using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace OdooFunctions.Functions.Http;

/// <summary>Reads and validates what a request carries (query parameters, route ids, the JSON body). Every refusal names the field.</summary>
public static class RequestReader
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const int MaxBodyBytes = 1024 * 1024;

    // A repeated key is refused rather than letting one of the values win silently.
    private static readonly JsonDocumentOptions StrictJson = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>A record id from the route: a positive whole number.</summary>
    public static long Id(string? value, string name = "id") =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new InvalidRequestException($"'{name}' must be a positive whole number.");

    public static int Limit(HttpRequest request, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit) =>
        Int(request, "limit", defaultLimit, 1, maxLimit);

    public static int Offset(HttpRequest request) =>
        Int(request, "offset", 0, 0, int.MaxValue);

    /// <summary>An optional positive id in the query string (e.g. <c>product_id</c>).</summary>
    public static long? OptionalId(HttpRequest request, string name) =>
        Single(request, name) is { } text ? Id(text, name) : null;

    /// <summary>An optional <c>true</c>/<c>false</c> in the query string.</summary>
    public static bool? OptionalBool(HttpRequest request, string name) => Single(request, name) switch
    {
        null => null,
        var text when text.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        var text when text.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        _ => throw new InvalidRequestException($"'{name}' must be true or false."),
    };

    /// <summary>An optional value that must be one of <paramref name="allowed"/>.</summary>
    public static string? OptionalChoice(HttpRequest request, string name, IReadOnlyCollection<string> allowed) => Single(request, name) switch
    {
        null => null,
        var text when allowed.Contains(text) => text,
        _ => throw new InvalidRequestException($"'{name}' must be one of: {string.Join(", ", allowed)}."),
    };

    /// <summary>
    /// The body as its wire record <typeparamref name="T"/>: at most 1 MB (413 beyond), well-formed (400 otherwise),
    /// then mapped by <see cref="RequestRecord.Read"/> (unknown fields are a 400 naming them).
    /// </summary>
    public static async Task<T> JsonBodyAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = await BodyBytesAsync(request, cancellationToken);
        using var document = Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object ? RequestRecord.Read(document.RootElement, typeInfo) : throw NotAnObject();
    }

    private static async Task<ReadOnlyMemory<byte>> BodyBytesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new InvalidRequestException("The request body is empty; a JSON object is expected.");
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, StrictJson);
        }
        catch (JsonException)
        {
            throw DuplicateKeys.Find(body.Span) is { } key ? new DuplicateKeyException(key) : new InvalidJsonBodyException();
        }
    }

    private static InvalidRequestException NotAnObject() => new("The request body must be a JSON object.");

    private static RequestTooLargeException TooLarge() => new($"The request body is larger than {MaxBodyBytes / 1024} KB.");

    private static int Int(HttpRequest request, string name, int fallback, int min, int max)
    {
        var text = Single(request, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidRequestException(max == int.MaxValue
                ? $"'{name}' must be a whole number >= {min}."
                : $"'{name}' must be a whole number from {min} to {max}.");
    }

    private static string? Single(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new InvalidRequestException($"'{name}' is given more than once.");
        }

        var value = values[0]?.Trim();
        return string.IsNullOrEmpty(value) ? throw new InvalidRequestException($"'{name}' is empty.") : value;
    }
}
