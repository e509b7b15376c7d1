using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Wire;

/// <summary>A JSON-RPC answer. No <c>result</c> key (a method that returned None) leaves <see cref="Result"/> null.</summary>
internal sealed class JsonRpcResponse
{
    [JsonPropertyName("result")]
    public JsonNode? Result { get; set; }

    [JsonPropertyName("error")]
    public JsonRpcError? Error { get; set; }
}

/// <summary>JSON-RPC <c>error</c>. <c>code</c> is 0 on 19.0 and 200 on 17.0, so it is not used for mapping.</summary>
internal sealed class JsonRpcError
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("data")]
    public OdooErrorBody? Data { get; set; }
}

/// <summary>
/// Odoo's error details: JSON-RPC <c>error.data</c> and the JSON-2 error body. <c>debug</c> (the traceback) is
/// deliberately not bound, so it can never reach a message or a log.
/// </summary>
internal sealed class OdooErrorBody
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonRpcResponse))]
[JsonSerializable(typeof(OdooErrorBody))]
internal sealed partial class OdooWireContext : JsonSerializerContext;
