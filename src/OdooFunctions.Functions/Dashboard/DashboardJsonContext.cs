using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>The dashboard's order pages and the PATCH body: snake_case, as the dashboard's fields.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DashboardOrderPage))]
[JsonSerializable(typeof(DashboardOrderEnvelope))]
[JsonSerializable(typeof(DashboardPagination))]
[JsonSerializable(typeof(DashboardOrderEntry))]
[JsonSerializable(typeof(DashboardOrderPatch))]
internal sealed partial class DashboardJsonContext : JsonSerializerContext;
