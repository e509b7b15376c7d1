using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Sync;

/// <summary>The dashboard's order statuses, and Odoo's <c>mrp.production</c> state → status (the guide's table, kept on <see cref="MoState"/>).</summary>
public static class OrderStatusMap
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    /// <summary>The dashboard status, or null for a state the guide does not know (reported, never guessed).</summary>
    public static string? ToDashboardStatus(string? odooState) =>
        MoState.TryParse(odooState, out var state) ? state.DashboardStatus : null;
}
