using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>A validated change to a manufacturing order: field values and/or a target state.</summary>
/// <param name="Backorder">For a partial "done": create a backorder for the rest (true) or close without one (false); null = ask (409).</param>
public sealed record ManufacturingOrderUpdate(
    MoState? State, decimal? ProductQty, decimal? QtyProducing, string? DatePlannedStart, string? DateDeadline,
    string? Priority, string? Origin, bool? Backorder)
{
    /// <summary>The fields an update body may carry, as <see cref="ManufacturingOrderUpdateBody"/> maps them.</summary>
    public static readonly IReadOnlyList<string> Fields = RequestRecord.FieldsOf(ManufacturingOrderJsonContext.Default.ManufacturingOrderUpdateBody);

    /// <summary>The field values to write (the state and the quantities go through Odoo's actions instead).</summary>
    public ManufacturingOrderValues Values => new()
    {
        ProductQty = ProductQty,
        DatePlannedStart = DatePlannedStart,
        DateDeadline = DateDeadline,
        Priority = Priority,
        Origin = Origin,
    };

    // A field that is sent is never read as null (it is a value or a 400), so only an empty body reads as this.
    private static readonly ManufacturingOrderUpdate Nothing = new(null, null, null, null, null, null, null, null);

    public static ManufacturingOrderUpdate From(ManufacturingOrderUpdateBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var stateName = RequestBody.Text("state", body.State, 32);
        MoState? state = null;
        if (stateName is not null && (!MoState.TryParse(stateName, out state) || !MoState.Settable.Contains(state)))
        {
            throw new InvalidRequestException(state == MoState.Draft
                ? "'state' cannot go back to draft: Odoo has no such action. Use cancel instead."
                : $"'state' must be one of: {string.Join(", ", MoState.Settable)}.");
        }

        var update = new ManufacturingOrderUpdate(
            state,
            RequestBody.Quantity("product_qty", body.ProductQty, allowZero: false),
            RequestBody.Quantity("qty_producing", body.QtyProducing, allowZero: true),
            RequestBody.Date("date_planned_start", body.DatePlannedStart),
            RequestBody.Date("date_deadline", body.DateDeadline),
            RequestBody.Priority("priority", body.Priority),
            RequestBody.Text("origin", body.Origin, 256),
            RequestBody.Bool("backorder", body.Backorder));
        if (update == Nothing)
        {
            throw new InvalidRequestException($"Nothing to update: send at least one of {string.Join(", ", Fields)}.");
        }

        if (update.Backorder is not null && update.State != MoState.Done)
        {
            throw new InvalidRequestException("'backorder' only applies with \"state\": \"done\".");
        }

        return update;
    }
}
