using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>The manufacturing-order types read from JSON: the two request bodies and what the rules read of an order.</summary>
[JsonSerializable(typeof(MoProgress))]
[JsonSerializable(typeof(ManufacturingOrderCreateBody))]
[JsonSerializable(typeof(ManufacturingOrderUpdateBody))]
internal sealed partial class ManufacturingOrderJsonContext : JsonSerializerContext;
