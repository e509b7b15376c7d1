using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>A validated request to create a manufacturing order (dates already in Odoo's UTC form).</summary>
public sealed record ManufacturingOrderCreate(
    long ProductId, decimal ProductQty, string? DatePlannedStart, string? DateDeadline, string? Origin, string? Priority)
{
    public static readonly IReadOnlyList<string> Fields = ["product_id", "product_qty", "date_planned_start", "date_deadline", "origin", "priority"];

    public static ManufacturingOrderCreate From(JsonObject json)
    {
        var body = new RequestBody(json);
        body.AllowOnly(Fields);
        return new ManufacturingOrderCreate(
            body.PositiveId("product_id") ?? throw Http.ApiException.BadRequest("'product_id' is required (the Odoo product id)."),
            body.Quantity("product_qty", allowZero: false) ?? throw Http.ApiException.BadRequest("'product_qty' is required (a number > 0)."),
            body.Date("date_planned_start"),
            body.Date("date_deadline"),
            body.Text("origin", 256),
            body.Priority("priority"));
    }
}
