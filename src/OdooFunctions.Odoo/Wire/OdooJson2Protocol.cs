using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with the key as a bearer token and the arguments by name; the
/// answer is the result itself.
/// </summary>
internal sealed class OdooJson2Protocol : OdooWireProtocol
{
    private readonly Uri _baseUri;
    private readonly string _database;
    private readonly ConcurrentDictionary<(string Model, string Method), Uri> _uris = new();

    public OdooJson2Protocol(Uri baseUri, string database)
    {
        _baseUri = baseUri;
        _database = database;
    }

    public override string Name => OdooTelemetry.Json2;

    public static byte[] WriteBody(OdooCall call)
    {
        var write = call.Operation.WriteJson2 ?? throw new InvalidOperationException($"{call.Operation} has no JSON-2 form.");
        var writer = OdooRequestBody.Rent();
        writer.WriteStartObject();
        write(writer, call, "", null);
        writer.WriteEndObject();
        return OdooRequestBody.Return(writer);
    }

    protected override Uri UriOf(OdooCall call) =>
        _uris.GetOrAdd((call.Model, call.Method), static (key, baseUri) =>
            new Uri(baseUri, "json/2/" + Uri.EscapeDataString(key.Model) + "/" + Uri.EscapeDataString(key.Method)), _baseUri);

    protected override byte[] WriteBody(OdooCall call, OdooSession? session, string? apiKey) => WriteBody(call);

    protected override void AddHeaders(HttpRequestMessage request, OdooSession? session)
    {
        request.Headers.TryAddWithoutValidation("Authorization", session!.BearerHeader);
        request.Headers.TryAddWithoutValidation("X-Odoo-Database", _database);
    }

    protected override ValueTask<JsonNode?> ReadResultAsync(Stream stream, HttpResponseMessage response, OdooCall call, string? key, CancellationToken cancellationToken) =>
        new(JsonNode.ParseAsync(stream, cancellationToken: cancellationToken));
}
