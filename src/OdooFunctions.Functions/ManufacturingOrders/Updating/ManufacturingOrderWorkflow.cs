using Microsoft.Extensions.Logging;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// Applies a dashboard update to a manufacturing order the way Odoo's own UI would: the <see cref="UpdatePlan"/> says
/// which of Odoo's steps it needs (or refuses it before Odoo is changed), the steps run, and the answer is what Odoo then
/// holds, read back. Where the calls differ between Odoo releases (recording a quantity, starting),
/// <see cref="ManufacturingOrderClient"/> takes them from the release table.
/// </summary>
public sealed partial class ManufacturingOrderWorkflow(
    OdooClient odoo, ManufacturingOrderClient production, ManufacturingOrderService orders, ILogger<ManufacturingOrderWorkflow> logger)
{
    /// <summary>The fields whose change a failed update must undo or report, as the answer names them.</summary>
    private static readonly (string Field, Func<ManufacturingOrder, object?> Value)[] Tracked =
    [
        ("state", mo => mo.State),
        ("product_qty", mo => mo.ProductQty),
        ("qty_producing", mo => mo.QtyProducing),
        ("qty_produced", mo => mo.QtyProduced),
        ("date_planned_start", mo => mo.DatePlannedStart),
        ("date_deadline", mo => mo.DateDeadline),
        ("priority", mo => mo.Priority),
        ("origin", mo => mo.Origin),
    ];

    public async Task<UpdateOutcome> UpdateAsync(long id, ManufacturingOrderUpdate update, CancellationToken cancellationToken)
    {
        var version = await odoo.GetServerVersionAsync(cancellationToken);
        var before = await orders.GetRequiredAsync(id, cancellationToken);
        var plan = UpdatePlan.For(before, update, version.Release, version.ServerVersion);
        var undo = new Undo(before);
        try
        {
            foreach (var step in plan.Steps)
            {
                await RunStepAsync(id, step, undo, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw await UndoAsync(id, undo, failure);
        }

        var after = await orders.GetRequiredAsync(id, CancellationToken.None);
        if (update.State is { } asked && (!MoState.TryParse(after.State, out var now) || !now.HasReached(asked)))
        {
            var notReached = new StateNotReachedException(id, after.State, asked);
            throw Changes(before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, notReached, applied, verified: true) : notReached;
        }

        return new UpdateOutcome(after, NotKept(update, after));
    }

    private async Task RunStepAsync(long id, UpdateStep step, Undo undo, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case UpdateStep.WriteFields write:
                await StepAsync(id, step, () => production.WriteAsync(id, write.Values, cancellationToken));
                undo.Fields = write.Values.Fields;
                break;
            case UpdateStep.Confirm:
                await ActionAsync(id, step, () => production.ConfirmAsync(id, cancellationToken));
                break;
            case UpdateStep.RecordProducing record:
                // A bare write of qty_producing leaves the components behind: the release's route makes them follow.
                var previous = await production.GetProducingAsync(id, (decimal)undo.Before.QtyProducing, cancellationToken);
                undo.Producing = previous;
                await StepAsync(id, step, () => production.RecordProducingAsync(id, record.Quantity, previous, cancellationToken));
                break;
            case UpdateStep.Start:
                await ActionAsync(id, step, () => production.StartAsync(id, cancellationToken));
                break;
            case UpdateStep.MarkDone markDone:
                await MarkDoneAsync(id, markDone, cancellationToken);
                break;
            case UpdateStep.Cancel:
                await ActionAsync(id, step, () => production.CancelAsync(id, cancellationToken));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, "Not a step an update takes.");
        }
    }

    /// <summary>What a failed update changed in Odoo and can write back: the fields it wrote, the quantity it recorded.</summary>
    private sealed class Undo(ManufacturingOrder before)
    {
        public ManufacturingOrder Before { get; } = before;

        public IReadOnlyList<ManufacturingOrderField>? Fields { get; set; }

        /// <summary>The produced quantity (and, on 16.0, the components) as they were before it was recorded.</summary>
        public ProducingState? Producing { get; set; }
    }

    /// <summary>
    /// Writes back what can be written back (Odoo's actions, such as a confirm or a start, have no undo), then reads the
    /// order again: the failure is answered as it is when Odoo is as it was, else with what Odoo now holds differently.
    /// </summary>
    private async Task<Exception> UndoAsync(long id, Undo undo, Exception failure)
    {
        // A lost answer may hide a step Odoo did carry out (a done order): writing over it would make things worse,
        // so then the order is only read back and reported.
        if (!IsLostAnswer(failure))
        {
            try
            {
                if (undo.Producing is { } producing)
                {
                    await production.RestoreProducingAsync(id, producing, CancellationToken.None);
                }

                if (undo.Fields is { } fields)
                {
                    await production.RestoreAsync(id, undo.Before, fields, CancellationToken.None);
                }
            }
            catch (Exception undoFailure) when (undoFailure is OdooException or OperationCanceledException)
            {
                LogUndoFailed(logger, undoFailure, id);
            }
        }

        ManufacturingOrder? after;
        try
        {
            after = await orders.GetAsync(id, CancellationToken.None);
        }
        catch (OdooException readFailure)
        {
            LogUndoFailed(logger, readFailure, id);
            after = null;
        }

        if (after is null)
        {
            // Unverifiable: say which changes may have stayed.
            var unknown = OdooScalarConverter.Unknown;
            List<AppliedChange> maybe = [new("state", undo.Before.State, unknown)];
            if (undo.Producing is not null) maybe.Add(new("qty_producing", undo.Before.QtyProducing, unknown));
            foreach (var field in undo.Fields ?? [])
            {
                var (name, value) = Tracked.First(tracked => tracked.Field == FieldName(field));
                maybe.Add(new(name, value(undo.Before), unknown));
            }

            return new PartiallyAppliedException(id, failure, maybe, verified: false);
        }

        return Changes(undo.Before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, failure, applied, verified: true) : failure;
    }

    /// <summary>Odoo did not answer with its own error (which would mean it rolled the step back): the step may have happened.</summary>
    private static bool IsLostAnswer(Exception failure) => failure is OdooException { IsRefusal: false };

    private static List<AppliedChange> Changes(ManufacturingOrder before, ManufacturingOrder after) =>
        [.. Tracked.Where(tracked => !Equals(tracked.Value(before), tracked.Value(after)))
            .Select(tracked => new AppliedChange(tracked.Field, tracked.Value(before), tracked.Value(after)))];

    /// <summary>The name the answer gives a written field.</summary>
    private static string FieldName(ManufacturingOrderField field) => field switch
    {
        ManufacturingOrderField.ProductQty => "product_qty",
        ManufacturingOrderField.DatePlannedStart => "date_planned_start",
        ManufacturingOrderField.DateDeadline => "date_deadline",
        ManufacturingOrderField.Priority => "priority",
        ManufacturingOrderField.Origin => "origin",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "An update does not write it."),
    };

    /// <summary>Odoo's answer is a wizard when it asks a person to decide; the state read back afterwards judges the rest.</summary>
    private async Task MarkDoneAsync(long id, UpdateStep.MarkDone step, CancellationToken cancellationToken)
    {
        var answer = await StepAsync(id, step, () => Refusable(() => production.MarkDoneAsync(id, step.Backorder, cancellationToken)));
        if (answer.WizardModel is { } model)
        {
            throw new WizardDecisionException(model, model == WizardDecisionException.Backorder
                ? $"Odoo did not finish manufacturing order {id}: it asks whether to make a backorder for the rest (wizard '{answer.WizardTitle}', {model}). "
                  + "Send \"backorder\": true to create one, or false to close the order without it."
                : $"Odoo did not finish manufacturing order {id}: it asks for a decision in the wizard '{answer.WizardTitle}' ({model}). Resolve it in Odoo.");
        }
    }

    /// <summary>Runs an Odoo action on the order (a step that changes Odoo and that Odoo may refuse).</summary>
    private static Task<bool> ActionAsync(long id, UpdateStep step, Func<Task> call) =>
        StepAsync(id, step, () => Refusable(async () =>
        {
            await call();
            return true;
        }));

    /// <summary>Odoo refusing an action (a user error) is an impossible transition, with Odoo's reason.</summary>
    private static async Task<T> Refusable<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (OdooValidationException refused)
        {
            throw new InvalidTransitionException(refused.Error?.Message ?? refused.Message, refused);
        }
    }

    /// <summary>One call that changes Odoo; an AccessError names the step and the right the API user lacks.</summary>
    private static async Task<T> StepAsync<T>(long id, UpdateStep step, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (OdooAccessException refused)
        {
            throw new ApiUserLacksRightException(step.Name, id, refused);
        }
    }

    private static Task<bool> StepAsync(long id, UpdateStep step, Func<Task> call) =>
        StepAsync(id, step, async () =>
        {
            await call();
            return true;
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manufacturing order {Id}: a step failed and writing the previous values back failed too")]
    private static partial void LogUndoFailed(ILogger logger, Exception exception, long id);

    private static List<NotApplied> NotKept(ManufacturingOrderUpdate update, ManufacturingOrder after)
    {
        var notKept = new List<NotApplied>();
        void Check(string field, object requested, object? actual, bool same)
        {
            if (!same) notKept.Add(new NotApplied(field, requested, actual));
        }

        if (update.ProductQty is { } qty) Check("product_qty", qty, after.ProductQty, SameQuantity(after.ProductQty, qty));
        if (update.QtyProducing is { } producing && (update.State is null || update.State == MoState.Progress || update.State == MoState.ToClose))
        {
            Check("qty_producing", producing, after.QtyProducing, SameQuantity(after.QtyProducing, producing));
        }

        if (update.DatePlannedStart is { } start) Check("date_planned_start", start, after.DatePlannedStart, after.DatePlannedStart == start);
        if (update.DateDeadline is { } deadline) Check("date_deadline", deadline, after.DateDeadline, after.DateDeadline == deadline);
        if (update.Priority is { } priority) Check("priority", priority, after.Priority, after.Priority == priority);
        if (update.Origin is { } origin) Check("origin", origin, after.Origin, after.Origin == origin);
        return notKept;
    }

    private static bool SameQuantity(double actual, decimal requested) => Math.Abs(actual - (double)requested) < 1e-6;
}
