using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// The POST body as sent, before validation (<see cref="ManufacturingOrderCreate.From"/>). Each value is kept as JSON
/// so a wrong type gets the field's own 400, not the serializer's; <see cref="JsonValueKind.Undefined"/> means absent.
/// The annotations are what the OpenAPI document says of each field; tests hold them to what the validation accepts.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ManufacturingOrderCreateBody(
    [property: JsonPropertyName("product_id"), Required, Range(typeof(long), "1", "9223372036854775807"), Description("The Odoo product (product.product id) to make.")] JsonElement ProductId,
    [property: JsonPropertyName("product_qty"), Required, Range(0d, double.MaxValue, MinimumIsExclusive = true), Description("The quantity to make.")] JsonElement ProductQty,
    [property: JsonPropertyName("date_planned_start"), DataType(DataType.DateTime)] JsonElement DatePlannedStart,
    [property: JsonPropertyName("date_deadline"), DataType(DataType.DateTime)] JsonElement DateDeadline,
    [property: JsonPropertyName("origin"), MaxLength(256), Description("The dashboard's reference; no control characters. Also makes a create idempotent without an Idempotency-Key.")] JsonElement Origin,
    [property: JsonPropertyName("priority"), AllowedValues("0", "1"), Description("\"0\" normal, \"1\" urgent (the numbers 0 and 1 are accepted too).")] JsonElement Priority);
