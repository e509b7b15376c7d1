using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// The PUT body as sent, before validation (<see cref="ManufacturingOrderUpdate.From"/>). Each value is kept as JSON
/// so a wrong type gets the field's own 400, not the serializer's; <see cref="JsonValueKind.Undefined"/> means absent.
/// The annotations are what the OpenAPI document says of each field; tests hold them to what the validation accepts.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ManufacturingOrderUpdateBody(
    [property: JsonPropertyName("state"), AllowedValues("confirmed", "progress", "to_close", "done", "cancel"), Description("The state to reach; Odoo's actions run in order. There is no way back to draft.")] JsonElement State,
    [property: JsonPropertyName("product_qty"), Range(0d, double.MaxValue, MinimumIsExclusive = true)] JsonElement ProductQty,
    [property: JsonPropertyName("qty_producing"), Range(0d, double.MaxValue), Description("The quantity being produced; components follow as in Odoo's own form.")] JsonElement QtyProducing,
    [property: JsonPropertyName("date_planned_start"), DataType(DataType.DateTime)] JsonElement DatePlannedStart,
    [property: JsonPropertyName("date_deadline"), DataType(DataType.DateTime)] JsonElement DateDeadline,
    [property: JsonPropertyName("priority"), AllowedValues("0", "1"), Description("\"0\" normal, \"1\" urgent (the numbers 0 and 1 are accepted too).")] JsonElement Priority,
    [property: JsonPropertyName("origin"), MaxLength(256), Description("The dashboard's reference; no control characters.")] JsonElement Origin,
    [property: JsonPropertyName("backorder"), AllowedValues(true, false), Description("Only with state done and less produced than planned: make a backorder for the rest (true) or close without one (false). Left out, such a done answers 409.")] JsonElement Backorder);
