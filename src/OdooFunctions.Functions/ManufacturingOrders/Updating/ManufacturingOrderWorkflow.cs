using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// Applies a dashboard update to a manufacturing order the way Odoo's own UI would: the order is read, the
/// <see cref="UpdatePlan"/> says which of Odoo's steps it needs (or refuses it before Odoo is changed), the
/// <see cref="UpdateStepRunner"/> takes them, and the answer is what Odoo then holds, read back.
/// </summary>
public sealed class ManufacturingOrderWorkflow(OdooClient odoo, ManufacturingOrderService orders, UpdateStepRunner runner)
{
    public async Task<UpdateOutcome> UpdateAsync(long id, ManufacturingOrderUpdate update, CancellationToken cancellationToken)
    {
        var version = await odoo.GetServerVersionAsync(cancellationToken);
        var before = await orders.GetRequiredAsync(id, cancellationToken);
        var plan = UpdatePlan.For(before, update, version.Release, version.ServerVersion);
        await runner.RunAsync(id, before, plan, cancellationToken);

        var after = await orders.GetRequiredAsync(id, CancellationToken.None);
        if (update.State is { } asked && (!MoState.TryParse(after.State, out var now) || !now.HasReached(asked)))
        {
            var notReached = new StateNotReachedException(id, after.State, asked);
            throw AppliedChanges.Between(before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, notReached, applied, verified: true) : notReached;
        }

        return new UpdateOutcome(after, NotKept(update, after));
    }

    private static List<NotApplied> NotKept(ManufacturingOrderUpdate update, ManufacturingOrder after)
    {
        var notKept = new List<NotApplied>();
        void Check(string field, object requested, object? actual, bool same)
        {
            if (!same) notKept.Add(new NotApplied(field, requested, actual));
        }

        if (update.ProductQty is { } qty) Check("product_qty", qty, after.ProductQty, OdooQuantity.Same(after.ProductQty, (double)qty));
        if (update.QtyProducing is { } producing && (update.State is null || update.State == MoState.Progress || update.State == MoState.ToClose))
        {
            Check("qty_producing", producing, after.QtyProducing, OdooQuantity.Same(after.QtyProducing, (double)producing));
        }

        if (update.DatePlannedStart is { } start) Check("date_planned_start", start, after.DatePlannedStart, after.DatePlannedStart == start);
        if (update.DateDeadline is { } deadline) Check("date_deadline", deadline, after.DateDeadline, after.DateDeadline == deadline);
        if (update.Priority is { } priority) Check("priority", priority, after.Priority, after.Priority == priority);
        if (update.Origin is { } origin) Check("origin", origin, after.Origin, after.Origin == origin);
        return notKept;
    }
}
