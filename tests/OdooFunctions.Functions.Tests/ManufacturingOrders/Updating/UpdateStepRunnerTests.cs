using Microsoft.Extensions.Logging.Abstractions;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Models.Json;
using OdooFunctions.Odoo.Releases;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Updating;

/// <summary>
/// A plan's steps run through the typed client, and what a failure leaves: what is written back, what is only read
/// back, and what the answer says Odoo now holds. The client is scripted: each call is recorded, some fail.
/// </summary>
public sealed class UpdateStepRunnerTests
{
    private const long Id = 7;

    private static ManufacturingOrder Order(string state) => new() { Id = Id, State = state, ProductQty = 5, QtyProducing = 0, Priority = "0" };

    private static UpdatePlan Plan(ManufacturingOrder before, MoState target, string? priority = null) =>
        UpdatePlan.For(before, new ManufacturingOrderUpdate(target, null, null, null, null, priority, null, null), OdooRelease.V18, "18.0");

    private static Task RunAsync(ScriptedClient odoo, ManufacturingOrder before, UpdatePlan plan) =>
        new UpdateStepRunner(odoo, NullLogger<UpdateStepRunner>.Instance).RunAsync(Id, before, plan, CancellationToken.None);

    private static OdooError Said(string name, string message) => new($"odoo.exceptions.{name}", message, 200);

    [Fact]
    public async Task Runs_the_plans_steps_in_order_and_nothing_else_when_all_succeed()
    {
        var before = Order("draft");
        var odoo = new ScriptedClient();

        await RunAsync(odoo, before, Plan(before, MoState.Done, priority: "1"));

        Assert.Equal(["write Priority", "action_confirm", "get producing", "record 5", "button_mark_done"], odoo.Calls);
    }

    [Fact]
    public async Task A_refused_step_writes_back_the_recorded_quantity_then_the_fields_and_answers_the_failure_itself_when_Odoo_is_as_before()
    {
        var before = Order("confirmed");
        var odoo = new ScriptedClient { Now = before };
        odoo.Fail("button_mark_done", new OdooValidationException("refused", Said("UserError", "Not today.")));

        var failure = await Assert.ThrowsAsync<InvalidTransitionException>(() => RunAsync(odoo, before, Plan(before, MoState.Done, priority: "1")));

        Assert.Equal("Not today.", failure.Message);
        Assert.Equal(["write Priority", "get producing", "record 5", "button_mark_done", "restore qty_producing 0", "restore Priority", "read"], odoo.Calls);
    }

    [Fact]
    public async Task Odoos_actions_have_no_undo_and_the_state_they_left_is_reported_as_verified()
    {
        var before = Order("draft");
        var odoo = new ScriptedClient { Now = before with { State = "confirmed" }, MarkDoneAnswer = new MarkDoneAnswer(WizardDecisionException.ConsumptionWarning, "Consumption Warning") };

        var partial = await Assert.ThrowsAsync<PartiallyAppliedException>(() => RunAsync(odoo, before, Plan(before, MoState.Done)));

        var wizard = Assert.IsType<WizardDecisionException>(partial.Cause);
        Assert.Equal("Odoo did not finish manufacturing order 7: it asks for a decision in the wizard 'Consumption Warning' (mrp.consumption.warning). Resolve it in Odoo.", wizard.Message);
        Assert.True(partial.Verified);
        Assert.Equal([new AppliedChange("state", "draft", "confirmed")], partial.Applied);
        Assert.Equal(["action_confirm", "get producing", "record 5", "button_mark_done", "restore qty_producing 0", "read"], odoo.Calls);
    }

    [Fact]
    public async Task A_backorder_wizard_asks_for_the_backorder_decision()
    {
        var before = Order("confirmed");
        var odoo = new ScriptedClient { Now = before, MarkDoneAnswer = new MarkDoneAnswer(WizardDecisionException.Backorder, "You produced less than initial demand") };

        var wizard = await Assert.ThrowsAsync<WizardDecisionException>(() => RunAsync(odoo, before, Plan(before, MoState.Done)));

        Assert.Equal(WizardDecisionException.Backorder, wizard.WizardModel);
        Assert.Equal(
            "Odoo did not finish manufacturing order 7: it asks whether to make a backorder for the rest (wizard 'You produced less than initial demand', mrp.production.backorder). "
            + "Send \"backorder\": true to create one, or false to close the order without it.",
            wizard.Message);
    }

    [Fact]
    public async Task A_lost_answer_is_only_read_back_never_written_over_and_what_Odoo_did_is_reported()
    {
        var before = Order("confirmed");
        var odoo = new ScriptedClient { Now = before with { State = "done", QtyProducing = 5, QtyProduced = 5 } };
        odoo.Fail("button_mark_done", new OdooTimeoutException("Odoo did not answer in time."));

        var partial = await Assert.ThrowsAsync<PartiallyAppliedException>(() => RunAsync(odoo, before, Plan(before, MoState.Done, priority: "1")));

        Assert.IsType<OdooTimeoutException>(partial.Cause);
        Assert.True(partial.Verified);
        Assert.Equal(
            [new AppliedChange("state", "confirmed", "done"), new AppliedChange("qty_producing", 0.0, 5.0), new AppliedChange("qty_produced", 0.0, 5.0)],
            partial.Applied);
        Assert.Equal(["write Priority", "get producing", "record 5", "button_mark_done", "read"], odoo.Calls);
    }

    [Fact]
    public async Task When_the_order_cannot_be_read_back_the_answer_lists_unverified_what_the_steps_may_have_changed()
    {
        var before = Order("draft");
        var odoo = new ScriptedClient();
        odoo.Fail("button_mark_done", new OdooUnavailableException("No answer."));
        odoo.Fail("read", new OdooUnavailableException("No answer."));

        var partial = await Assert.ThrowsAsync<PartiallyAppliedException>(() => RunAsync(odoo, before, Plan(before, MoState.Done, priority: "1")));

        Assert.False(partial.Verified);
        var unknown = OdooScalarConverter.Unknown;
        Assert.Equal(
            [new AppliedChange("state", "draft", unknown), new AppliedChange("qty_producing", 0.0, unknown), new AppliedChange("priority", "0", unknown)],
            partial.Applied);
    }

    [Theory]
    [InlineData("confirmed", "progress", "action_start")]
    [InlineData("draft", "confirmed", "action_confirm")]
    [InlineData("confirmed", "cancel", "action_cancel")]
    public async Task An_access_error_names_the_step_the_API_user_may_not_take(string state, string target, string step)
    {
        var before = Order(state);
        var odoo = new ScriptedClient { Now = before };
        odoo.Fail(step, new OdooAccessException("refused", Said("AccessError", "You are not allowed to modify 'Production Order' (mrp.production) records.")));

        var refused = await Assert.ThrowsAsync<ApiUserLacksRightException>(() => RunAsync(odoo, before, Plan(before, MoState.Parse(target))));

        Assert.StartsWith($"Odoo refused '{step}' on manufacturing order 7 because the Odoo API user lacks an access right", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odoo_refusing_an_action_is_an_invalid_transition_with_Odoos_reason()
    {
        var before = Order("done");
        var odoo = new ScriptedClient { Now = before };
        odoo.Fail("action_cancel", new OdooValidationException("refused", Said("UserError", "Cannot cancel a manufacturing order that is already done.")));

        var refused = await Assert.ThrowsAsync<InvalidTransitionException>(() => RunAsync(odoo, before, Plan(before, MoState.Cancel)));

        Assert.Equal("Cannot cancel a manufacturing order that is already done.", refused.Message);
        Assert.IsType<OdooValidationException>(refused.InnerException);
    }

    [Fact]
    public async Task A_cancelled_request_is_neither_undone_nor_read_back()
    {
        var before = Order("confirmed");
        var odoo = new ScriptedClient();
        odoo.Fail("button_mark_done", new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => RunAsync(odoo, before, Plan(before, MoState.Done, priority: "1")));

        Assert.Equal(["write Priority", "get producing", "record 5", "button_mark_done"], odoo.Calls);
    }

    /// <summary>The typed client with every call recorded; a call whose first word is named in <see cref="Fail"/> throws instead.</summary>
    private sealed class ScriptedClient : ManufacturingOrderClient
    {
        private readonly Dictionary<string, Exception> _failures = [];

        public List<string> Calls { get; } = [];

        /// <summary>The order as a read answers it.</summary>
        public ManufacturingOrder? Now { get; init; }

        public MarkDoneAnswer MarkDoneAnswer { get; init; } = MarkDoneAnswer.Finished;

        public void Fail(string call, Exception failure) => _failures[call] = failure;

        public override Task WriteAsync(long id, ManufacturingOrderValues values, CancellationToken cancellationToken = default) =>
            CallAsync($"write {string.Join(" ", values.Fields)}");

        public override Task RestoreAsync(long id, ManufacturingOrder before, IReadOnlyCollection<ManufacturingOrderField> fields, CancellationToken cancellationToken = default) =>
            CallAsync($"restore {string.Join(" ", fields)}");

        public override Task ConfirmAsync(long id, CancellationToken cancellationToken = default) => CallAsync("action_confirm");

        public override Task CancelAsync(long id, CancellationToken cancellationToken = default) => CallAsync("action_cancel");

        public override async Task<ProducingState> GetProducingAsync(long id, decimal qtyProducing, CancellationToken cancellationToken = default)
        {
            await CallAsync("get producing");
            return new ProducingState(qtyProducing, []);
        }

        public override Task RecordProducingAsync(long id, decimal quantity, ProducingState current, CancellationToken cancellationToken = default) =>
            CallAsync($"record {quantity}");

        public override Task RestoreProducingAsync(long id, ProducingState previous, CancellationToken cancellationToken = default) =>
            CallAsync($"restore qty_producing {previous.QtyProducing}");

        public override Task StartAsync(long id, CancellationToken cancellationToken = default) => CallAsync("action_start");

        public override async Task<MarkDoneAnswer> MarkDoneAsync(long id, bool? backorder, CancellationToken cancellationToken = default)
        {
            await CallAsync(backorder is { } decided ? $"button_mark_done backorder={decided}" : "button_mark_done");
            return MarkDoneAnswer;
        }

        public override async Task<ManufacturingOrder?> GetAsync(long id, CancellationToken cancellationToken = default)
        {
            await CallAsync("read");
            return Now;
        }

        private Task CallAsync(string call)
        {
            Calls.Add(call);
            return _failures.TryGetValue(call.Split(' ')[0], out var failure) ? Task.FromException(failure) : Task.CompletedTask;
        }
    }
}
