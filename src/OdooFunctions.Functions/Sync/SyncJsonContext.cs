using System.Text.Json.Serialization;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>The run record's wire form, as stored: snake_case, as the dashboard's fields.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyncRun))]
[JsonSerializable(typeof(List<SyncRun>))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
