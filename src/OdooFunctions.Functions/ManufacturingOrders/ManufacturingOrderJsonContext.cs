using System.Text.Json.Serialization;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Updating;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>The manufacturing-order types read from JSON: the two request bodies.</summary>
[JsonSerializable(typeof(ManufacturingOrderCreateBody))]
[JsonSerializable(typeof(ManufacturingOrderUpdateBody))]
internal sealed partial class ManufacturingOrderJsonContext : JsonSerializerContext;
