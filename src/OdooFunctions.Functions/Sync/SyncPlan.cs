using System.Diagnostics;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// What a sync run does with each dashboard order, decided without a server. <see cref="SyncPass"/> lists the orders,
/// <see cref="Screen"/>s them, reads the linked orders' MOs from Odoo, <see cref="Compare"/>s, and sends the PATCHes.
/// </summary>
public static class SyncPlan
{
    /// <summary>
    /// Before Odoo is read, in the orders' order: an order the sync cannot read, or whose status a person set on
    /// purpose (<paramref name="keepStatuses"/>, <c>SYNC_KEEP_STATUSES</c>), or without a positive MO id is left alone;
    /// the others are <see cref="SyncVerdict.Linked"/>.
    /// </summary>
    public static List<SyncDecision> Screen(IEnumerable<DashboardOrder> orders, KeptStatuses keepStatuses)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(keepStatuses);
        return [.. orders.Select(order => new SyncDecision(order, order switch
        {
            { Unreadable: not null } => SyncVerdict.Unreadable,
            _ when keepStatuses.Keeps(order.Status) => SyncVerdict.Kept,
            { OdooMoId: > 0 } => SyncVerdict.Linked,
            _ => SyncVerdict.NotLinked,
        }))];
    }

    /// <summary>
    /// Each linked order against the MO Odoo has for it (<paramref name="mos"/> by id), in the orders' order, by the
    /// <see cref="OrderReconciler"/>: a PATCH of the MO's status and <c>qty_produced</c> when either differs, else in step;
    /// left alone when the MO is missing or its state is one the guide does not map.
    /// </summary>
    public static List<SyncDecision> Compare(IEnumerable<DashboardOrder> linked, IReadOnlyDictionary<long, ManufacturingOrderProgress> mos)
    {
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(mos);
        return [.. linked.Select(order =>
        {
            if (!mos.TryGetValue(order.OdooMoId, out var mo))
            {
                return new SyncDecision(order, SyncVerdict.MoMissing);
            }

            // Kept statuses were screened out before Odoo was read, and a list of the dashboard carries no write date:
            // of the reconciler's reasons only these three come here.
            var reconciled = OrderReconciler.Reconcile(mo, new OrderValues(order.Status, order.QtyProduced), KeptStatuses.None);
            var verdict = reconciled.Reason switch
            {
                ReconcileReason.OutOfStep => SyncVerdict.Patch,
                ReconcileReason.UnknownState => SyncVerdict.UnknownState,
                ReconcileReason.InStep => SyncVerdict.InStep,
                _ => throw new UnreachableException($"The reconciler kept order {order.Id} though nothing was kept."),
            };
            return new SyncDecision(order, verdict, mo, reconciled.Patch);
        })];
    }

    /// <summary>Both steps, for orders whose MOs are already at hand: what <see cref="Screen"/> leaves alone, then what <see cref="Compare"/> decides.</summary>
    public static List<SyncDecision> Decide(IReadOnlyList<DashboardOrder> orders, IReadOnlyDictionary<long, ManufacturingOrderProgress> mos, KeptStatuses keepStatuses)
    {
        var screened = Screen(orders, keepStatuses);
        return [.. screened.Where(d => d.Verdict != SyncVerdict.Linked), .. Compare(screened.Where(d => d.Verdict == SyncVerdict.Linked).Select(d => d.Order), mos)];
    }
}

/// <summary>What the sync does with one order.</summary>
public enum SyncVerdict
{
    /// <summary>Screened in: its MO is to be read and compared.</summary>
    Linked,

    /// <summary>A value the sync owns cannot be read (<see cref="DashboardOrder.Unreadable"/>): patching would repeat on every run.</summary>
    Unreadable,

    /// <summary>Its status is one <c>SYNC_KEEP_STATUSES</c> names.</summary>
    Kept,

    /// <summary><c>odoo_mo_id</c> is not a positive id.</summary>
    NotLinked,

    /// <summary>Odoo has no MO with its <c>odoo_mo_id</c>.</summary>
    MoMissing,

    /// <summary>Its MO is in a state the guide does not map (<see cref="ManufacturingOrderProgress.State"/> says which).</summary>
    UnknownState,

    /// <summary>The dashboard already shows the MO's status and quantity.</summary>
    InStep,

    /// <summary>Needs a PATCH of <see cref="SyncDecision.Status"/> and <see cref="SyncDecision.QtyProduced"/>.</summary>
    Patch,
}

/// <summary>One order's verdict, with the MO it was compared with and, for <see cref="SyncVerdict.Patch"/>, the PATCH.</summary>
public sealed record SyncDecision(DashboardOrder Order, SyncVerdict Verdict, ManufacturingOrderProgress? Mo = null, DashboardOrderPatch? Patch = null)
{
    /// <summary>The status a PATCH sends: the dashboard status of the MO's state.</summary>
    public string? Status => Patch?.Status;

    /// <summary>The <c>qty_produced</c> a PATCH sends: the MO's.</summary>
    public double QtyProduced => Patch?.QtyProduced ?? 0;
}
