using Microsoft.Extensions.Logging;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// Runs an <see cref="UpdatePlan"/>'s steps against Odoo, one call after the other. When a step fails, what can be
/// undone is written back, and the failure is answered with what Odoo then holds differently, never hiding a change.
/// </summary>
public sealed partial class UpdateStepRunner(ManufacturingOrderClient production, ILogger<UpdateStepRunner> logger)
{
    /// <param name="before">The order as the plan was made from it: what an undo writes back, and what a change is told against.</param>
    /// <exception cref="PartiallyAppliedException">A step failed and Odoo was left changed (or could not be read back to tell).</exception>
    public async Task RunAsync(long id, ManufacturingOrder before, UpdatePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(plan);
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
            after = await production.GetAsync(id, CancellationToken.None);
        }
        catch (OdooException readFailure)
        {
            LogUndoFailed(logger, readFailure, id);
            after = null;
        }

        if (after is null)
        {
            // Unverifiable: say which changes may have stayed.
            return new PartiallyAppliedException(id, failure, AppliedChanges.Possible(undo.Before, undo.Producing is not null, undo.Fields ?? []), verified: false);
        }

        return AppliedChanges.Between(undo.Before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, failure, applied, verified: true) : failure;
    }

    /// <summary>Odoo did not answer with its own error (which would mean it rolled the step back): the step may have happened.</summary>
    private static bool IsLostAnswer(Exception failure) => failure is OdooException { IsRefusal: false };

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
}
