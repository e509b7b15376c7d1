using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Odoo.Models;

/// <summary>A manufacturing order (<c>mrp.production</c>) in the same fields on every Odoo release.</summary>
public sealed record ManufacturingOrder
{
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    [JsonPropertyName("name"), JsonConverter(typeof(OdooTextConverter)), Description("Odoo's reference, e.g. WH/MO/00013 (a backorder adds -002).")]
    public string? Name { get; init; }

    [JsonPropertyName("product_id"), JsonConverter(typeof(Many2OneConverter)), Description("The product to make.")]
    public Many2One? ProductId { get; init; }

    [JsonPropertyName("product_qty"), JsonConverter(typeof(OdooFloatConverter)), Description("Quantity to produce.")]
    public double ProductQty { get; init; }

    [JsonPropertyName("product_uom_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? ProductUomId { get; init; }

    /// <summary>Odoo's name of the state (<c>draft</c>, <c>confirmed</c>, <c>progress</c>, <c>to_close</c>, <c>done</c>, <c>cancel</c>).</summary>
    [JsonPropertyName("state"), JsonConverter(typeof(OdooTextConverter)), AllowedValues("draft", "confirmed", "progress", "to_close", "done", "cancel")]
    public string? State { get; init; }

    /// <summary>The planned start: <c>date_planned_start</c> on 16.0, <c>date_start</c> from 17.0 on.</summary>
    [JsonPropertyName("date_planned_start"), JsonConverter(typeof(OdooDateTimeConverter)), Description("Planned start (Odoo 17+: date_start).")]
    public string? DatePlannedStart { get; init; }

    [JsonPropertyName("date_deadline"), JsonConverter(typeof(OdooDateTimeConverter))]
    public string? DateDeadline { get; init; }

    [JsonPropertyName("priority"), JsonConverter(typeof(OdooTextConverter)), AllowedValues("0", "1"), Description("\"0\" normal, \"1\" urgent.")]
    public string? Priority { get; init; }

    [JsonPropertyName("user_id"), JsonConverter(typeof(Many2OneConverter)), Description("Responsible user.")]
    public Many2One? UserId { get; init; }

    [JsonPropertyName("company_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? CompanyId { get; init; }

    [JsonPropertyName("origin"), JsonConverter(typeof(OdooTextConverter)), Description("Source document, e.g. the dashboard's order reference.")]
    public string? Origin { get; init; }

    [JsonPropertyName("qty_produced"), JsonConverter(typeof(OdooFloatConverter)), Description("Quantity produced and posted (done).")]
    public double QtyProduced { get; init; }

    [JsonPropertyName("qty_producing"), JsonConverter(typeof(OdooFloatConverter)), Description("Quantity recorded as being produced.")]
    public double QtyProducing { get; init; }
}
