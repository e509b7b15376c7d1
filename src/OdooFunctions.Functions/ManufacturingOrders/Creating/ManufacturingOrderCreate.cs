using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>A validated request to create a manufacturing order (dates already in Odoo's UTC form).</summary>
public sealed record ManufacturingOrderCreate(
    long ProductId, decimal ProductQty, string? DatePlannedStart, string? DateDeadline, string? Origin, string? Priority)
{
    /// <summary>The fields a create body may carry, as <see cref="ManufacturingOrderCreateBody"/> maps them.</summary>
    public static readonly IReadOnlyList<string> Fields = Http.RequestRecord.FieldsOf(ManufacturingOrderJsonContext.Default.ManufacturingOrderCreateBody);

    /// <summary>The values Odoo creates the order with.</summary>
    public ManufacturingOrderValues Values => new()
    {
        ProductId = ProductId,
        ProductQty = ProductQty,
        DatePlannedStart = DatePlannedStart,
        DateDeadline = DateDeadline,
        Origin = Origin,
        Priority = Priority,
    };

    public static ManufacturingOrderCreate From(ManufacturingOrderCreateBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ManufacturingOrderCreate(
            RequestBody.PositiveId("product_id", body.ProductId) ?? throw new Http.InvalidRequestException("'product_id' is required (the Odoo product id)."),
            RequestBody.Quantity("product_qty", body.ProductQty, allowZero: false) ?? throw new Http.InvalidRequestException("'product_qty' is required (a number > 0)."),
            RequestBody.Date("date_planned_start", body.DatePlannedStart),
            RequestBody.Date("date_deadline", body.DateDeadline),
            RequestBody.Text("origin", body.Origin, 256),
            RequestBody.Priority("priority", body.Priority));
    }
}
