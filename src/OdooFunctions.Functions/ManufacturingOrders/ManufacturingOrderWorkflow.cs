using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// Applies a dashboard update to a manufacturing order the way Odoo's own UI would: fields are written first, states
/// change only through Odoo's actions (never a write of <c>state</c>), and the answer is what Odoo then holds, read back.
/// Where the calls differ between Odoo releases (recording a quantity, starting), <see cref="ManufacturingOrderClient"/>
/// takes them from the release table.
/// </summary>
public sealed partial class ManufacturingOrderWorkflow(
    OdooClient odoo, ManufacturingOrderClient production, ManufacturingOrderService orders, ILogger<ManufacturingOrderWorkflow> logger)
{
    private const string Model = ManufacturingOrderShape.Model;

    /// <summary>The guide's fields whose change a failed update must undo or report.</summary>
    private static readonly string[] Tracked =
        ["state", "product_qty", "qty_producing", "qty_produced", "date_planned_start", "date_deadline", "priority", "origin"];

    public async Task<UpdateOutcome> UpdateAsync(long id, ManufacturingOrderUpdate update, CancellationToken cancellationToken)
    {
        var version = await odoo.GetServerVersionAsync(cancellationToken);
        var release = version.Release;
        var before = await orders.GetRequiredAsync(id, cancellationToken);
        var standing = MoProgress.Of(before);
        var currentName = standing.State ?? MoState.Draft.OdooName;

        // A state the rules do not know (null) cannot change state; its fields can still be written.
        var current = MoState.TryParse(currentName, out var known) ? known : null;
        var plannedQty = update.ProductQty ?? (decimal)(standing.ProductQty ?? 0);
        var recorded = (decimal)(standing.QtyProducing ?? 0);

        // Finishing without a quantity finishes what the shop floor recorded; only an order with nothing recorded
        // produces its planned quantity. A recorded quantity is never overwritten with the plan.
        var produce = update.QtyProducing ?? (update.State == MoState.Done || update.State == MoState.ToClose ? (recorded > 0 ? recorded : plannedQty) : null);

        // Everything that can be refused is refused before Odoo is changed.
        CheckTransition(currentName, current, update, produce, plannedQty, version);

        var undo = new Undo(before, release);
        try
        {
            var values = FieldValues(update, release);
            if (values.Count > 0)
            {
                await StepAsync(id, "write", () => odoo.WriteAsync(Model, [id], values, cancellationToken));
                undo.Fields = PreviousValues(values, before, release);
            }

            if (current == MoState.Draft && update.State is { } target && target != MoState.Cancel)
            {
                await ActionAsync(id, "action_confirm", null, cancellationToken);
            }

            // A finished or cancelled order produces nothing more (asking "done" of a done order changes only its fields).
            // Writing the same quantity again would reset components the shop floor adjusted, so an unchanged one is left alone.
            if (produce is { } quantity && quantity != recorded && update.State != MoState.Cancel && current != MoState.Done && current != MoState.Cancel)
            {
                // A bare write of qty_producing leaves the components behind: the release's route makes them follow.
                var previous = await production.GetProducingAsync(id, recorded, cancellationToken);
                undo.Producing = previous;
                await StepAsync(id, "record qty_producing", async () =>
                {
                    await production.RecordProducingAsync(id, quantity, previous, cancellationToken);
                    return true;
                });
            }

            if (update.State == MoState.Progress && update.QtyProducing is null && (current == MoState.Draft || current == MoState.Confirmed))
            {
                await StepAsync(id, release.StartAction!, () => Refusable(async () =>
                {
                    await production.StartAsync(id, cancellationToken);
                    return null;
                }));
            }
            else if (update.State == MoState.Done && current != MoState.Done)
            {
                await MarkDoneAsync(id, update.Backorder, cancellationToken);
            }
            else if (update.State == MoState.Cancel && current != MoState.Cancel)
            {
                await ActionAsync(id, "action_cancel", null, cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            throw await UndoAsync(id, undo, failure);
        }

        var after = await orders.GetRequiredAsync(id, CancellationToken.None);
        var now = MoProgress.Of(after);
        if (update.State is { } asked && now.KnownState?.HasReached(asked) != true)
        {
            var notReached = new StateNotReachedException(id, now.State, asked);
            throw Changes(before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, notReached, applied, verified: true) : notReached;
        }

        return new UpdateOutcome(after, NotKept(update, after));
    }

    /// <summary>What a failed update changed in Odoo and can write back: the fields it wrote, the quantity it recorded.</summary>
    private sealed class Undo(JsonObject before, OdooRelease release)
    {
        public JsonObject Before { get; } = before;

        public OdooRelease Release { get; } = release;

        public JsonObject? Fields { get; set; }

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
                    await odoo.WriteAsync(Model, [id], fields, CancellationToken.None);
                }
            }
            catch (Exception undoFailure) when (undoFailure is OdooException or OperationCanceledException)
            {
                LogUndoFailed(logger, undoFailure, id);
            }
        }

        JsonObject? after;
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
            List<AppliedChange> maybe = [new("state", undo.Before["state"]?.DeepClone(), null)];
            if (undo.Producing is not null) maybe.Add(new("qty_producing", undo.Before["qty_producing"]?.DeepClone(), null));
            foreach (var (field, _) in undo.Fields ?? [])
            {
                var guideField = field == undo.Release.PlannedStartField ? "date_planned_start" : field;
                maybe.Add(new(guideField, undo.Before[guideField]?.DeepClone(), null));
            }

            return new PartiallyAppliedException(id, failure, maybe, verified: false);
        }

        return Changes(undo.Before, after) is { Count: > 0 } applied ? new PartiallyAppliedException(id, failure, applied, verified: true) : failure;
    }

    /// <summary>Odoo did not answer with its own error (which would mean it rolled the step back): the step may have happened.</summary>
    private static bool IsLostAnswer(Exception failure) => failure is OdooException { IsRefusal: false };

    private static List<AppliedChange> Changes(JsonObject before, JsonObject after) =>
        [.. Tracked.Where(field => !JsonNode.DeepEquals(before[field], after[field]))
            .Select(field => new AppliedChange(field, before[field]?.DeepClone(), after[field]?.DeepClone()))];

    /// <summary>The values <paramref name="written"/> replaced, in the server's field names, from the order read before.</summary>
    private static JsonObject PreviousValues(JsonObject written, JsonObject before, OdooRelease release)
    {
        var previous = new JsonObject();
        foreach (var (field, _) in written)
        {
            var guideField = field == release.PlannedStartField ? "date_planned_start" : field;
            previous[field] = before[guideField]?.DeepClone() ?? false;
        }

        return previous;
    }

    private static void CheckTransition(
        string currentName, MoState? current, ManufacturingOrderUpdate update, decimal? produce, decimal plannedQty, OdooServerVersion version)
    {
        if (update.State is not { } target)
        {
            return;
        }

        if (current is null || !current.CanBecome(target))
        {
            throw new InvalidTransitionException(currentName, target);
        }

        if (target == MoState.Progress && update.QtyProducing is null && (current == MoState.Draft || current == MoState.Confirmed)
            && version.Release.StartAction is null)
        {
            // Before Odoo 18 production starts by recording a quantity: there is no public start action.
            throw new StartActionMissingException(version.ServerVersion);
        }

        if (target == MoState.Done && current != MoState.Done && produce is { } producing && producing < plannedQty && update.Backorder is null)
        {
            throw new BackorderDecisionNeededException(producing, plannedQty);
        }
    }

    private static JsonObject FieldValues(ManufacturingOrderUpdate update, OdooRelease release)
    {
        var values = new JsonObject();
        if (update.ProductQty is { } qty) values["product_qty"] = qty;
        if (update.DatePlannedStart is { } start) values[release.PlannedStartField] = start;
        if (update.DateDeadline is { } deadline) values["date_deadline"] = deadline;
        if (update.Priority is { } priority) values["priority"] = priority;
        if (update.Origin is { } origin) values["origin"] = origin;
        return values;
    }

    private async Task MarkDoneAsync(long id, bool? backorder, CancellationToken cancellationToken)
    {
        var result = await StepAsync(id, "button_mark_done", () => Refusable(() => production.MarkDoneAsync(id, backorder, cancellationToken)));

        // true, or an action that shows an mrp.production (17.0 and 19.0 show the backorder they made): Odoo finished.
        // Any other action is a wizard asking a person to decide; the state read back afterwards judges the rest.
        if (result is JsonObject action && action["res_model"]?.GetValue<string>() is { } model && model != Model)
        {
            var title = action["name"]?.GetValue<string>() ?? model;
            throw new WizardDecisionException(model, model == WizardDecisionException.Backorder
                ? $"Odoo did not finish manufacturing order {id}: it asks whether to make a backorder for the rest (wizard '{title}', {model}). "
                  + "Send \"backorder\": true to create one, or false to close the order without it."
                : $"Odoo did not finish manufacturing order {id}: it asks for a decision in the wizard '{title}' ({model}). Resolve it in Odoo.");
        }
    }

    /// <summary>Runs an Odoo action on the order.</summary>
    private Task<JsonNode?> ActionAsync(long id, string action, JsonObject? arguments, CancellationToken cancellationToken) =>
        StepAsync(id, action, () => Refusable(() => odoo.CallAsync(Model, action, [id], arguments, cancellationToken)));

    /// <summary>Odoo refusing an action (a user error) is an impossible transition, with Odoo's reason.</summary>
    private static async Task<JsonNode?> Refusable(Func<Task<JsonNode?>> action)
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
    private static async Task<T> StepAsync<T>(long id, string step, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (OdooAccessException refused)
        {
            throw new ApiUserLacksRightException(step, id, refused);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manufacturing order {Id}: a step failed and writing the previous values back failed too")]
    private static partial void LogUndoFailed(ILogger logger, Exception exception, long id);

    private static List<NotApplied> NotKept(ManufacturingOrderUpdate update, JsonObject after)
    {
        var notKept = new List<NotApplied>();
        void Check(string field, JsonNode? requested, bool same)
        {
            if (!same) notKept.Add(new NotApplied(field, requested, after[field]?.DeepClone()));
        }

        if (update.ProductQty is { } qty) Check("product_qty", qty, SameNumber(after["product_qty"], qty));
        if (update.QtyProducing is { } producing && (update.State is null || update.State == MoState.Progress || update.State == MoState.ToClose))
        {
            Check("qty_producing", producing, SameNumber(after["qty_producing"], producing));
        }

        if (update.DatePlannedStart is { } start) Check("date_planned_start", start, SameText(after["date_planned_start"], start));
        if (update.DateDeadline is { } deadline) Check("date_deadline", deadline, SameText(after["date_deadline"], deadline));
        if (update.Priority is { } priority) Check("priority", priority, SameText(after["priority"], priority));
        if (update.Origin is { } origin) Check("origin", origin, SameText(after["origin"], origin));
        return notKept;
    }

    private static bool SameNumber(JsonNode? actual, decimal requested) =>
        actual is JsonValue value && value.TryGetValue<double>(out var number) && Math.Abs(number - (double)requested) < 1e-6;

    private static bool SameText(JsonNode? actual, string requested) =>
        actual is JsonValue value && value.TryGetValue<string>(out var text) && text == requested;
}
