using OdooFunctions.Functions.ManufacturingOrders;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The dashboard's order statuses, and the one mapping from an MO's state to the status its orders show (the guide's
/// table). Both the sync and the push send what it says.
/// </summary>
public static class OrderStatus
{
    public const string Pending = "pending";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    private static readonly Dictionary<MoState, string> ByState = new()
    {
        [MoState.Draft] = Pending,
        [MoState.Confirmed] = Pending,
        [MoState.Progress] = InProgress,
        [MoState.ToClose] = InProgress,
        [MoState.Done] = Completed,
        [MoState.Cancel] = Cancelled,
    };

    /// <summary>The status an order shows while its MO is in <paramref name="state"/> (<c>to_close</c> → <c>in_progress</c>).</summary>
    public static string For(MoState state) => ByState[state];

    /// <summary>The status for the state Odoo names <paramref name="odooState"/>; null for a state the guide does not map (left alone and reported, never guessed).</summary>
    public static string? ForOdooState(string? odooState) => MoState.Find(odooState) is { } state ? For(state) : null;
}
