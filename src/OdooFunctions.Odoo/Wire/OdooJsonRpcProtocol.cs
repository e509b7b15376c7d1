using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// <c>POST /jsonrpc</c>: <c>common.version</c>, <c>common.authenticate</c> and <c>object.execute_kw(db, uid, key,
/// model, method, args, kwargs)</c>; the answer is a JSON-RPC envelope with a result or an error.
/// </summary>
internal sealed class OdooJsonRpcProtocol : OdooWireProtocol
{
    private readonly string _database;
    private readonly Uri _uri;
    private long _requestId;

    public OdooJsonRpcProtocol(Uri baseUri, string database)
    {
        _database = database;
        _uri = new Uri(baseUri, "jsonrpc");
    }

    public override string Name => OdooTelemetry.JsonRpc;

    public static byte[] WriteBody(OdooCall call, string database, OdooSession? session, string? apiKey, long requestId)
    {
        var operation = call.Operation;
        var writer = OdooRequestBody.Rent();
        writer.WriteStartObject();
        writer.WriteString("jsonrpc"u8, "2.0"u8);
        writer.WriteString("method"u8, "call"u8);
        writer.WriteStartObject("params"u8);
        writer.WriteString("service"u8, operation.Service);
        if (operation.IsCommonService)
        {
            // The common service: the method and its own arguments, no login.
            writer.WriteString("method"u8, call.Method);
            writer.WriteStartArray("args"u8);
            operation.WriteArgs(writer, call, database, apiKey);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteString("method"u8, "execute_kw"u8);
            writer.WriteStartArray("args"u8);
            writer.WriteStringValue(database);
            writer.WriteNumberValue(session!.Uid);
            writer.WriteStringValue(session.ApiKey);
            writer.WriteStringValue(call.Model);
            writer.WriteStringValue(call.Method);
            writer.WriteStartArray();
            operation.WriteArgs(writer, call, database, apiKey);
            writer.WriteEndArray();
            writer.WriteStartObject();
            operation.WriteKwargs(writer, call, database, apiKey);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteNumber("id"u8, requestId);
        writer.WriteEndObject();
        return OdooRequestBody.Return(writer);
    }

    protected override Uri UriOf(OdooCall call) => _uri;

    protected override byte[] WriteBody(OdooCall call, OdooSession? session, string? apiKey) =>
        WriteBody(call, _database, session, apiKey, Interlocked.Increment(ref _requestId));

    protected override async ValueTask<JsonNode?> ReadResultAsync(Stream stream, HttpResponseMessage response, OdooCall call, string? key, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var envelope = await JsonSerializer.DeserializeAsync(stream, OdooWireContext.Default.JsonRpcResponse, cancellationToken)
            ?? throw OdooErrorMap.FromStatus(status, response.Content.Headers.ContentType?.ToString(), call);
        if (envelope.Error is { } error)
        {
            throw OdooErrorMap.FromOdooError(error.Data ?? new OdooErrorBody { Message = error.Message }, status, call, key);
        }

        return envelope.Result;
    }
}
