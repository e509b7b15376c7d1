using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.OpenApi;

/// <summary>The document as it is served: a JSON tree written as it is.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class OpenApiJsonContext : JsonSerializerContext;
