using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The one rule by which a dashboard order follows its manufacturing order, for the timer's sync and for the push alike:
/// Odoo's committed progress against what the order shows (or was last sent), with the statuses people keep. Decided
/// without a server, so every trigger sends the same PATCH for the same values.
/// </summary>
public static class OrderReconciler
{
    /// <summary>
    /// The PATCH <c>{status, qty_produced}</c> that brings the order in step with <paramref name="mo"/>, or none, with the
    /// reason. In this order: a kept status is left alone whatever Odoo says; a state the guide does not map is not
    /// guessed; an order showing the MO's status (exactly) and its quantity (within <see cref="OdooQuantity.Tolerance"/>)
    /// is in step; one already sent values Odoo wrote later than <paramref name="mo"/>'s is not written back. Otherwise
    /// both values go, as Odoo holds them.
    /// </summary>
    public static Reconciliation Reconcile(ManufacturingOrderProgress mo, OrderValues shown, KeptStatuses kept)
    {
        ArgumentNullException.ThrowIfNull(mo);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(kept);
        if (kept.Keeps(shown.Status))
        {
            return new(ReconcileReason.Kept);
        }

        if (OrderStatus.ForOdooState(mo.State) is not { } status)
        {
            return new(ReconcileReason.UnknownState);
        }

        if (string.Equals(shown.Status, status, StringComparison.Ordinal) && shown.QtyProduced is { } qty && OdooQuantity.Same(mo.QtyProduced, qty))
        {
            return new(ReconcileReason.InStep);
        }

        if (shown.OdooWriteDate is { } sent && mo.WriteDate is { } read && sent > read)
        {
            return new(ReconcileReason.NewerSent);
        }

        return new(ReconcileReason.OutOfStep, new DashboardOrderPatch(status, mo.QtyProduced));
    }
}
