using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Sync;

/// <summary>The run record's wire form and the dashboard's order pages: snake_case, as the dashboard's other fields.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SyncRun))]
[JsonSerializable(typeof(List<SyncRun>))]
[JsonSerializable(typeof(DashboardOrderPage))]
[JsonSerializable(typeof(DashboardOrderEnvelope))]
[JsonSerializable(typeof(DashboardPagination))]
[JsonSerializable(typeof(DashboardOrderEntry))]
[JsonSerializable(typeof(DashboardOrderPatch))]
internal sealed partial class SyncJsonContext : JsonSerializerContext;
