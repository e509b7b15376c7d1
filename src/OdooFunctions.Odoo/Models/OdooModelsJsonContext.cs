using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models;

/// <summary>The model records as the typed clients read them from Odoo's answers (source generated).</summary>
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Partner))]
[JsonSerializable(typeof(StockQuant))]
[JsonSerializable(typeof(ManufacturingOrder))]
[JsonSerializable(typeof(ManufacturingOrderProgress))]
internal sealed partial class OdooModelsJsonContext : JsonSerializerContext;
