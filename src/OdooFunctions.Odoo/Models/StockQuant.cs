using System.ComponentModel;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Odoo.Models;

/// <summary>Stock of one product in one location (<c>stock.quant</c>).</summary>
public sealed record StockQuant
{
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    [JsonPropertyName("product_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? ProductId { get; init; }

    [JsonPropertyName("location_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? LocationId { get; init; }

    [JsonPropertyName("quantity"), JsonConverter(typeof(OdooFloatConverter)), Description("On hand.")]
    public double Quantity { get; init; }

    [JsonPropertyName("reserved_quantity"), JsonConverter(typeof(OdooFloatConverter))]
    public double ReservedQuantity { get; init; }

    [JsonPropertyName("available_quantity"), JsonConverter(typeof(OdooFloatConverter))]
    public double AvailableQuantity { get; init; }

    [JsonPropertyName("lot_id"), JsonConverter(typeof(Many2OneConverter)), Description("Lot or serial number.")]
    public Many2One? LotId { get; init; }

    [JsonPropertyName("package_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? PackageId { get; init; }
}
