using System.ComponentModel;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Odoo.Models;

/// <summary>A product variant (<c>product.product</c>) in the same fields on every Odoo release.</summary>
public sealed record Product
{
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    [JsonPropertyName("name"), JsonConverter(typeof(OdooTextConverter))]
    public string? Name { get; init; }

    [JsonPropertyName("default_code"), JsonConverter(typeof(OdooTextConverter)), Description("Internal reference (SKU).")]
    public string? DefaultCode { get; init; }

    [JsonPropertyName("barcode"), JsonConverter(typeof(OdooTextConverter))]
    public string? Barcode { get; init; }

    [JsonPropertyName("list_price"), JsonConverter(typeof(OdooFloatConverter)), Description("Sales price.")]
    public double ListPrice { get; init; }

    [JsonPropertyName("standard_price"), JsonConverter(typeof(OdooFloatConverter)), Description("Cost.")]
    public double StandardPrice { get; init; }

    /// <summary>"product" for storable goods on every release (18.0 on marks them with is_storable, type "consu").</summary>
    [JsonPropertyName("type"), JsonConverter(typeof(OdooTextConverter)), Description("\"product\" (storable), \"consu\" (consumable), \"service\" or \"combo\": storable goods read \"product\" on every Odoo release.")]
    public string? Type { get; init; }

    [JsonPropertyName("categ_id"), JsonConverter(typeof(Many2OneConverter)), Description("Product category.")]
    public Many2One? CategId { get; init; }

    [JsonPropertyName("uom_id"), JsonConverter(typeof(Many2OneConverter)), Description("Unit of measure.")]
    public Many2One? UomId { get; init; }

    [JsonPropertyName("qty_available"), JsonConverter(typeof(OdooFloatConverter)), Description("Quantity on hand.")]
    public double QtyAvailable { get; init; }

    [JsonPropertyName("virtual_available"), JsonConverter(typeof(OdooFloatConverter)), Description("Forecasted quantity.")]
    public double VirtualAvailable { get; init; }

    [JsonPropertyName("description"), JsonConverter(typeof(OdooTextConverter)), Description("HTML.")]
    public string? Description { get; init; }

    [JsonPropertyName("active")]
    public bool Active { get; init; }
}
