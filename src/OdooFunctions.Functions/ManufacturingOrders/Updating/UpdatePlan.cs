using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// The steps an update needs, in the order Odoo's own UI takes them: fields first, then confirm, record the quantity,
/// and the one action that reaches the state asked for. Made from the order as read and the server's release, before
/// Odoo is changed: what cannot be done is refused here, so a refusal leaves Odoo as it was.
/// </summary>
public sealed class UpdatePlan
{
    private UpdatePlan(IReadOnlyList<UpdateStep> steps) => Steps = steps;

    /// <summary>The steps in the order they run; empty when the order already is as asked.</summary>
    public IReadOnlyList<UpdateStep> Steps { get; }

    /// <summary>The plan for <paramref name="update"/> on <paramref name="before"/>, or the refusal.</summary>
    /// <param name="serverVersion">The server's own version, to name in a refusal that depends on it.</param>
    /// <exception cref="InvalidTransitionException">The order's state cannot become the one asked for.</exception>
    /// <exception cref="StartActionMissingException">A start without a quantity, on a release with no start action.</exception>
    /// <exception cref="BackorderDecisionNeededException">Finishing less than planned, with no backorder decision.</exception>
    public static UpdatePlan For(ManufacturingOrder before, ManufacturingOrderUpdate update, OdooRelease release, string? serverVersion)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(release);

        var currentName = before.State ?? MoState.Draft.OdooName;

        // A state the rules do not know (null) cannot change state; its fields can still be written.
        var current = MoState.Find(currentName);
        if (update.State is { } target && (current is null || !current.CanBecome(target)))
        {
            throw new InvalidTransitionException(currentName, target);
        }

        var steps = new List<UpdateStep>();
        if (update.Values is { Fields.Count: > 0 } values)
        {
            steps.Add(new UpdateStep.WriteFields(values));
        }

        if (current == MoState.Draft && update.State is { } reached && reached != MoState.Cancel)
        {
            steps.Add(new UpdateStep.Confirm());
        }

        var plannedQty = update.ProductQty ?? (decimal)before.ProductQty;
        var recorded = (decimal)before.QtyProducing;

        // Finishing without a quantity finishes what the shop floor recorded; only an order with nothing recorded
        // produces its planned quantity. A recorded quantity is never overwritten with the plan.
        var produce = update.QtyProducing ?? (update.State == MoState.Done || update.State == MoState.ToClose ? (recorded > 0 ? recorded : plannedQty) : null);

        // A finished or cancelled order produces nothing more (asking "done" of a done order changes only its fields).
        // Writing the same quantity again would reset components the shop floor adjusted, so an unchanged one is left alone.
        if (produce is { } quantity && quantity != recorded && update.State != MoState.Cancel && current != MoState.Done && current != MoState.Cancel)
        {
            steps.Add(new UpdateStep.RecordProducing(quantity));
        }

        if (update.State == MoState.Progress && update.QtyProducing is null && (current == MoState.Draft || current == MoState.Confirmed))
        {
            // Before Odoo 18 production starts by recording a quantity: there is no public start action.
            steps.Add(new UpdateStep.Start(release.StartAction ?? throw new StartActionMissingException(serverVersion)));
        }
        else if (update.State == MoState.Done && current != MoState.Done)
        {
            if (produce is { } producing && producing < plannedQty && update.Backorder is null)
            {
                throw new BackorderDecisionNeededException(producing, plannedQty);
            }

            steps.Add(new UpdateStep.MarkDone(update.Backorder));
        }
        else if (update.State == MoState.Cancel && current != MoState.Cancel)
        {
            steps.Add(new UpdateStep.Cancel());
        }

        return new UpdatePlan(steps);
    }
}
