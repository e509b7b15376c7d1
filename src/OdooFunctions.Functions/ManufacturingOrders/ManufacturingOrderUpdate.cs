using System.Text.Json.Nodes;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>A validated change to a manufacturing order: field values and/or a target state.</summary>
/// <param name="Backorder">For a partial "done": create a backorder for the rest (true) or close without one (false); null = ask (409).</param>
public sealed record ManufacturingOrderUpdate(
    MoState? State, decimal? ProductQty, decimal? QtyProducing, string? DatePlannedStart, string? DateDeadline,
    string? Priority, string? Origin, bool? Backorder)
{
    public static readonly IReadOnlyList<string> Fields =
        ["state", "product_qty", "qty_producing", "date_planned_start", "date_deadline", "priority", "origin", "backorder"];

    public static ManufacturingOrderUpdate From(JsonObject json)
    {
        var body = new RequestBody(json);
        body.AllowOnly(Fields);
        var stateName = body.Text("state", 32);
        MoState? state = null;
        if (stateName is not null && (!MoState.TryParse(stateName, out state) || !MoState.Settable.Contains(state)))
        {
            throw ApiException.BadRequest(state == MoState.Draft
                ? "'state' cannot go back to draft: Odoo has no such action. Use cancel instead."
                : $"'state' must be one of: {string.Join(", ", MoState.Settable)}.");
        }

        var update = new ManufacturingOrderUpdate(
            state,
            body.Quantity("product_qty", allowZero: false),
            body.Quantity("qty_producing", allowZero: true),
            body.Date("date_planned_start"),
            body.Date("date_deadline"),
            body.Priority("priority"),
            body.Text("origin", 256),
            body.Bool("backorder"));
        if (json.Count == 0)
        {
            throw ApiException.BadRequest($"Nothing to update: send at least one of {string.Join(", ", Fields)}.");
        }

        if (update.Backorder is not null && update.State != MoState.Done)
        {
            throw ApiException.BadRequest("'backorder' only applies with \"state\": \"done\".");
        }

        return update;
    }
}
