namespace OdooFunctions.Functions.Dashboard;

/// <summary>A dashboard order as a full sync (or an index refresh) leaves it in the <see cref="LastSentIndex"/>: the MO it links and the values it holds.</summary>
public sealed record IndexedOrder(long MoId, string OrderId, string? Status, double? QtyProduced)
{
    /// <summary>The orders an index can hold: a positive MO id and values the sync could read.</summary>
    public static List<IndexedOrder> From(IEnumerable<DashboardOrder> orders) =>
        [.. orders.Where(o => o.OdooMoId > 0 && o.Unreadable is null).Select(o => new IndexedOrder(o.OdooMoId, o.Id, o.Status, o.QtyProduced))];
}
