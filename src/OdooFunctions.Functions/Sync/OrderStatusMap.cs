namespace OdooFunctions.Functions.Sync;

/// <summary>Odoo's <c>mrp.production</c> state → the dashboard's order status (the guide's table).</summary>
public static class OrderStatusMap
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    /// <summary>The dashboard status, or null for a state the guide does not know (reported, never guessed).</summary>
    public static string? ToDashboardStatus(string? odooState) => odooState switch
    {
        "draft" or "confirmed" => Pending,
        "progress" or "to_close" => InProgress,
        "done" => Completed,
        "cancel" => Cancelled,
        _ => null,
    };
}
