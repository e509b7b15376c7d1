using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Sync;

/// <summary>The dashboard's order statuses (Odoo's state → status, the guide's table, is <see cref="MoState.DashboardStatus"/>).</summary>
public static class OrderStatusMap
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}
