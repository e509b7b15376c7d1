using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Sync;

/// <summary>The run record's wire form: snake_case, as the dashboard's other fields.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyncRun))]
[JsonSerializable(typeof(List<SyncRun>))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
