using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>The manufacturing-order types read from JSON: what the rules read of an order.</summary>
[JsonSerializable(typeof(MoProgress))]
internal sealed partial class ManufacturingOrderJsonContext : JsonSerializerContext;
