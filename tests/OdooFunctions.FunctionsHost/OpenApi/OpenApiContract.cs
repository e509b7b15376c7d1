using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Json.Pointer;
using Json.Schema;

namespace OdooFunctions.FunctionsHost.OpenApi;

/// <summary>
/// The app's OpenAPI 3.1 document, held against real answers: which operation a request reached (path template +
/// method), whether the status is listed for it, and whether the body matches that status's schema (JSON Schema 2020-12,
/// <c>$ref</c>s resolved inside the document).
/// </summary>
public sealed class OpenApiContract
{
    /// <summary>Where the app serves the document (under the host's base address).</summary>
    public const string DocumentPath = "api/openapi.json";

    // An identifier only: refs such as "#/components/schemas/Envelope" resolve against it inside the registry, never over the network.
    private static readonly Uri DocumentUri = new("https://odoofunctions.contract/openapi.json");

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonDocument _document;
    private readonly BuildOptions _build;
    private readonly string _prefix;
    private readonly Dictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    // JsonSchema.Net's registry is a plain dictionary that builds write and evaluations read: one check at a time.
    private readonly Lock _gate = new();

    private OpenApiContract(JsonDocument document)
    {
        _document = document;
        var root = document.RootElement;
        var version = root.TryGetProperty("openapi", out var openapi) ? openapi.GetString() : null;
        if (version is null || !version.StartsWith("3.1.", StringComparison.Ordinal))
        {
            // 3.0's schemas are not JSON Schema (nullable, boolean exclusiveMinimum): validating them as 2020-12 would check the wrong thing.
            throw new InvalidOperationException($"The contract check reads OpenAPI 3.1 documents (JSON Schema 2020-12); the app serves '{version}'.");
        }

        var registry = new SchemaRegistry();
        registry.Register(DocumentUri, new JsonElementBaseDocument(root, DocumentUri));
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };

        // The first server's path is the paths' prefix ("/" adds none; "/api" would).
        var server = root.TryGetProperty("servers", out var servers) && servers.GetArrayLength() > 0 ? servers[0].GetProperty("url").GetString()! : "/";
        _prefix = new Uri(new Uri("http://server/"), server).AbsolutePath.TrimEnd('/');
    }

    public static OpenApiContract Parse(string json) => new(JsonDocument.Parse(json));

    /// <summary>The operation a request reaches, or null when no path template and method of the document match.</summary>
    public OpenApiOperation? Find(string method, string path)
    {
        var segments = path.Split('/');
        OpenApiOperation? best = null;
        var bestLiterals = -1;
        foreach (var item in _document.RootElement.GetProperty("paths").EnumerateObject())
        {
            var template = (_prefix + item.Name).Split('/');
            if (template.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < template.Length && matches; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                {
                    matches = segments[i].Length > 0;
                }
                else
                {
                    matches = string.Equals(template[i], Uri.UnescapeDataString(segments[i]), StringComparison.Ordinal);
                    literals++;
                }
            }

            // A concrete path wins over a templated one that also matches (OpenAPI's rule).
            if (matches && literals > bestLiterals && item.Value.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                best = new OpenApiOperation(item.Name, method.ToLowerInvariant(), operation.TryGetProperty("operationId", out var id) ? id.GetString() : null);
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>What the document says a request of <paramref name="method"/> on <paramref name="path"/> may not answer; empty when the answer conforms.</summary>
    public IReadOnlyList<string> Check(string method, string path, int status, MediaTypeHeaderValue? contentType, byte[] body)
    {
        if (Find(method, path) is not { } operation)
        {
            var methods = PathItemsMatching(path);
            return [methods.Count == 0
                ? "the document has no path for it"
                : $"the document has no {method.ToUpperInvariant()} operation for it (only {string.Join(", ", methods)})"];
        }

        var responses = Operation(operation).GetProperty("responses");
        var code = status.ToString(CultureInfo.InvariantCulture);
        var key = new[] { code, code[0] + "XX", "default" }.FirstOrDefault(k => responses.TryGetProperty(k, out _));
        if (key is null)
        {
            return [$"{operation} does not list status {status} (it lists {string.Join(", ", responses.EnumerateObject().Select(r => r.Name))})"];
        }

        var (response, responsePointer) = Resolve(responses.GetProperty(key), $"/paths/{Escape(operation.Path)}/{operation.Method}/responses/{Escape(key)}");
        var hasContent = response.TryGetProperty("content", out var content) && content.EnumerateObject().Any();
        if (!hasContent)
        {
            return body.Length == 0 ? [] : [$"{operation} {status} documents no body, but the answer has {body.Length} bytes ({contentType?.MediaType ?? "no Content-Type"})"];
        }

        var mediaType = contentType?.MediaType;
        var media = mediaType is null ? null : new[] { mediaType, mediaType.Split('/')[0] + "/*", "*/*" }.FirstOrDefault(m => content.TryGetProperty(m, out _));
        if (media is null)
        {
            return [$"{operation} {status} documents {string.Join(", ", content.EnumerateObject().Select(c => c.Name))}, but the answer is {mediaType ?? "without a Content-Type"}"];
        }

        if (!IsJson(mediaType!) || !content.GetProperty(media).TryGetProperty("schema", out _))
        {
            return [];
        }

        JsonDocument instance;
        try
        {
            instance = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return [$"{operation} {status}: the {mediaType} body is not JSON ({e.Message})"];
        }

        using (instance)
        {
            var pointer = $"{responsePointer}/content/{Escape(media)}/schema";
            EvaluationResults results;
            lock (_gate)
            {
                results = Schema(pointer).Evaluate(instance.RootElement, Evaluation);
            }

            if (results.IsValid)
            {
                return [];
            }

            List<string> errors = [.. new[] { results }.Concat(results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e =>
                $"{operation} {status}: at {Location(d.InstanceLocation)} the schema wants {e.Key}: {e.Value} ({d.SchemaLocation.Fragment})"))];
            return errors.Count > 0 ? errors : [$"{operation} {status}: the body does not match {pointer}"];
        }
    }

    /// <summary>Built once per schema the answers reach; called under <see cref="_gate"/>.</summary>
    private JsonSchema Schema(string pointer)
    {
        if (!_schemas.TryGetValue(pointer, out var schema))
        {
            // A wrapper that points into the registered document, so the schema and every ref in it resolve in place.
            using var wrapper = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = DocumentUri + "#" + pointer }));
            schema = JsonSchema.Build(wrapper.RootElement.Clone(), _build, new Uri(DocumentUri, "contract/" + Uri.EscapeDataString(pointer)));
            _schemas[pointer] = schema;
        }

        return schema;
    }

    private List<string> PathItemsMatching(string path) =>
        [.. Methods.Where(m => Find(m, path) is not null).Select(m => m.ToUpperInvariant())];

    private JsonElement Operation(OpenApiOperation operation) =>
        _document.RootElement.GetProperty("paths").GetProperty(operation.Path).GetProperty(operation.Method);

    /// <summary>A response may be a <c>$ref</c> to <c>#/components/responses/...</c>: the response it names, and where that stands.</summary>
    private (JsonElement Response, string Pointer) Resolve(JsonElement node, string pointer)
    {
        while (node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith('#'))
        {
            pointer = target[1..];
            node = JsonPointer.Parse(pointer).Evaluate(_document.RootElement)
                ?? throw new InvalidOperationException($"The document's {target} does not exist.");
        }

        return (node, pointer);
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>A JSON Pointer as the JSON path people read: <c>$.data[0].id</c>.</summary>
    private static string Location(JsonPointer pointer) =>
        "$" + string.Concat(Enumerable.Range(0, pointer.SegmentCount).Select(i => pointer[i].ToString() is var s && s.All(char.IsAsciiDigit) ? $"[{s}]" : "." + s));
}
