using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// The PUT body as sent, before validation (<see cref="ManufacturingOrderUpdate.From"/>). Each value is kept as JSON
/// so a wrong type gets the field's own 400, not the serializer's; <see cref="JsonValueKind.Undefined"/> means absent.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ManufacturingOrderUpdateBody(
    [property: JsonPropertyName("state")] JsonElement State,
    [property: JsonPropertyName("product_qty")] JsonElement ProductQty,
    [property: JsonPropertyName("qty_producing")] JsonElement QtyProducing,
    [property: JsonPropertyName("date_planned_start")] JsonElement DatePlannedStart,
    [property: JsonPropertyName("date_deadline")] JsonElement DateDeadline,
    [property: JsonPropertyName("priority")] JsonElement Priority,
    [property: JsonPropertyName("origin")] JsonElement Origin,
    [property: JsonPropertyName("backorder")] JsonElement Backorder);
