using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Tests.ManufacturingOrders.Updating;

/// <summary>The steps an update takes in Odoo, and what it refuses, decided from the order as read and the release alone.</summary>
public sealed class UpdatePlanTests
{
    private static ManufacturingOrder Order(string? state, double planned = 5, double recorded = 0) =>
        new() { Id = 7, State = state, ProductQty = planned, QtyProducing = recorded, Priority = "0" };

    private static ManufacturingOrderUpdate Update(
        MoState? state = null, decimal? productQty = null, decimal? qtyProducing = null, string? datePlannedStart = null,
        string? dateDeadline = null, string? priority = null, string? origin = null, bool? backorder = null) =>
        new(state, productQty, qtyProducing, datePlannedStart, dateDeadline, priority, origin, backorder);

    private static IReadOnlyList<UpdateStep> Plan(ManufacturingOrder before, ManufacturingOrderUpdate update, OdooRelease? release = null)
    {
        release ??= OdooRelease.V18;
        return UpdatePlan.For(before, update, release, release.Name).Steps;
    }

    /// <summary>The steps by name, a recorded quantity with its value: <c>action_confirm, record qty_producing 5, button_mark_done</c>.</summary>
    private static string Steps(ManufacturingOrder before, ManufacturingOrderUpdate update, OdooRelease? release = null) =>
        string.Join(", ", Plan(before, update, release).Select(step => step is UpdateStep.RecordProducing record ? $"{step.Name} {record.Quantity}" : step.Name));

    private static OdooRelease Release(string name) => OdooRelease.All.Single(release => release.Name == name);

    [Theory]
    [InlineData("draft", "confirmed", "action_confirm")]
    [InlineData("draft", "progress", "action_confirm, action_start")]
    [InlineData("draft", "to_close", "action_confirm, record qty_producing 5")]
    [InlineData("draft", "done", "action_confirm, record qty_producing 5, button_mark_done")]
    [InlineData("draft", "cancel", "action_cancel")]
    [InlineData("confirmed", "confirmed", "")]
    [InlineData("confirmed", "progress", "action_start")]
    [InlineData("confirmed", "to_close", "record qty_producing 5")]
    [InlineData("confirmed", "done", "record qty_producing 5, button_mark_done")]
    [InlineData("confirmed", "cancel", "action_cancel")]
    [InlineData("progress", "confirmed", null)]
    [InlineData("progress", "progress", "")]
    [InlineData("progress", "to_close", "record qty_producing 5")]
    [InlineData("progress", "done", "record qty_producing 5, button_mark_done")]
    [InlineData("progress", "cancel", "action_cancel")]
    [InlineData("to_close", "confirmed", null)]
    [InlineData("to_close", "progress", "")]
    [InlineData("to_close", "to_close", "record qty_producing 5")]
    [InlineData("to_close", "done", "record qty_producing 5, button_mark_done")]
    [InlineData("to_close", "cancel", "action_cancel")]
    [InlineData("done", "confirmed", null)]
    [InlineData("done", "progress", null)]
    [InlineData("done", "to_close", null)]
    [InlineData("done", "done", "")]
    [InlineData("done", "cancel", "action_cancel")]
    [InlineData("cancel", "confirmed", null)]
    [InlineData("cancel", "progress", null)]
    [InlineData("cancel", "to_close", null)]
    [InlineData("cancel", "done", null)]
    [InlineData("cancel", "cancel", "")]
    public void Every_state_and_target_plans_Odoos_actions_in_order_or_is_refused_before_any_step(string state, string target, string? steps)
    {
        // Nothing recorded yet, so a finish records the planned 5 first.
        var before = Order(state);
        var update = Update(MoState.Parse(target));

        if (steps is null)
        {
            var refused = Assert.Throws<InvalidTransitionException>(() => Plan(before, update));
            Assert.Equal($"A manufacturing order that is '{state}' cannot become '{target}'.", refused.Message);
        }
        else
        {
            Assert.Equal(steps, Steps(before, update));
        }
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("progress")]
    [InlineData("to_close")]
    [InlineData("done")]
    [InlineData("cancel")]
    public void An_order_in_a_state_the_rules_do_not_know_is_refused_any_state_but_its_fields_are_written(string target)
    {
        var refused = Assert.Throws<InvalidTransitionException>(() => Plan(Order("planned"), Update(MoState.Parse(target), priority: "1")));
        Assert.Equal($"A manufacturing order that is 'planned' cannot become '{target}'.", refused.Message);

        Assert.Equal([new UpdateStep.WriteFields(new ManufacturingOrderValues { Priority = "1" })], Plan(Order("planned"), Update(priority: "1")));
    }

    [Fact]
    public void An_order_read_without_a_state_is_planned_as_a_draft()
    {
        Assert.Equal("action_confirm", Steps(Order(null), Update(MoState.Confirmed)));
    }

    [Fact]
    public void The_fields_are_written_first_and_only_the_fields_sent()
    {
        var plan = Plan(Order("draft"), Update(MoState.Done, productQty: 8, dateDeadline: "2030-01-01 12:00:00", priority: "1", origin: "SO-9"));

        Assert.Equal(
            [
                new UpdateStep.WriteFields(new ManufacturingOrderValues { ProductQty = 8, DateDeadline = "2030-01-01 12:00:00", Priority = "1", Origin = "SO-9" }),
                new UpdateStep.Confirm(),
                new UpdateStep.RecordProducing(8),
                new UpdateStep.MarkDone(null),
            ],
            plan);
        Assert.Equal(
            [ManufacturingOrderField.ProductQty, ManufacturingOrderField.DateDeadline, ManufacturingOrderField.Priority, ManufacturingOrderField.Origin],
            ((UpdateStep.WriteFields)plan[0]).Values.Fields);
    }

    [Fact]
    public void The_state_the_quantity_being_produced_and_the_backorder_decision_are_never_written_as_fields()
    {
        Assert.DoesNotContain(Plan(Order("confirmed"), Update(MoState.Done, qtyProducing: 2, backorder: true)), step => step is UpdateStep.WriteFields);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("confirmed")]
    [InlineData("progress")]
    [InlineData("to_close")]
    [InlineData("done")]
    [InlineData("cancel")]
    public void Fields_alone_are_written_in_any_state(string state)
    {
        Assert.Equal("write", Steps(Order(state), Update(datePlannedStart: "2030-01-02 03:04:05")));
    }

    [Fact]
    public void Finishing_without_a_quantity_finishes_what_the_shop_floor_recorded_not_the_plan()
    {
        // 3 of 5 recorded: nothing to record again, and finishing 3 of 5 needs the backorder decision.
        Assert.Equal([new UpdateStep.MarkDone(true)], Plan(Order("progress", planned: 5, recorded: 3), Update(MoState.Done, backorder: true)));

        var asked = Assert.Throws<BackorderDecisionNeededException>(() => Plan(Order("progress", planned: 5, recorded: 3), Update(MoState.Done)));
        Assert.StartsWith("Producing 3 of 5:", asked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finishing_an_order_with_nothing_recorded_records_the_plan_as_the_update_sets_it()
    {
        Assert.Equal("record qty_producing 5, button_mark_done", Steps(Order("confirmed", planned: 5), Update(MoState.Done)));
        Assert.Equal("write, record qty_producing 8, button_mark_done", Steps(Order("confirmed", planned: 5), Update(MoState.Done, productQty: 8)));
        Assert.Equal("record qty_producing 5", Steps(Order("progress", planned: 5), Update(MoState.ToClose)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("progress")]
    [InlineData("to_close")]
    public void An_unchanged_quantity_is_not_recorded_again(string? target)
    {
        Assert.Equal("", Steps(Order("progress", planned: 5, recorded: 4), Update(target is null ? null : MoState.Parse(target), qtyProducing: 4)));
    }

    [Fact]
    public void A_new_quantity_is_recorded_with_or_without_a_state()
    {
        Assert.Equal("record qty_producing 4", Steps(Order("progress", recorded: 2), Update(qtyProducing: 4)));
        Assert.Equal("record qty_producing 0", Steps(Order("progress", recorded: 2), Update(MoState.Progress, qtyProducing: 0)));
        Assert.Equal("action_confirm, record qty_producing 4", Steps(Order("draft"), Update(MoState.Progress, qtyProducing: 4)));
    }

    [Theory]
    [InlineData("done", null)]
    [InlineData("done", "done")]
    [InlineData("cancel", null)]
    [InlineData("cancel", "cancel")]
    public void A_done_or_cancelled_order_records_nothing_more(string state, string? target)
    {
        Assert.Equal("", Steps(Order(state, planned: 5, recorded: 0), Update(target is null ? null : MoState.Parse(target), qtyProducing: 2)));
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("progress")]
    public void Cancelling_records_no_quantity(string state)
    {
        Assert.Equal("action_cancel", Steps(Order(state), Update(MoState.Cancel, qtyProducing: 3)));
    }

    [Theory]
    [InlineData("16.0", null)]
    [InlineData("17.0", null)]
    [InlineData("18.0", "action_start")]
    [InlineData("19.0", "action_start")]
    public void A_start_without_a_quantity_takes_the_releases_start_action_and_is_refused_where_it_has_none(string release, string? action)
    {
        var row = Release(release);
        if (action is null)
        {
            var refused = Assert.Throws<StartActionMissingException>(() => UpdatePlan.For(Order("confirmed"), Update(MoState.Progress), row, $"{release}-20240709"));
            Assert.Equal($"Odoo {release}-20240709 has no 'start' action: send 'qty_producing' with \"state\": \"progress\" to start production.", refused.Message);

            // From a draft too, before the confirm would run.
            Assert.Throws<StartActionMissingException>(() => Plan(Order("draft"), Update(MoState.Progress), row));
        }
        else
        {
            Assert.Equal([new UpdateStep.Start(action)], Plan(Order("confirmed"), Update(MoState.Progress), row));
        }
    }

    [Fact]
    public void A_refused_start_without_a_server_version_says_this_Odoo()
    {
        var refused = Assert.Throws<StartActionMissingException>(() => UpdatePlan.For(Order("confirmed"), Update(MoState.Progress), OdooRelease.V16, null));
        Assert.StartsWith("This Odoo has no 'start' action", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16.0")]
    [InlineData("17.0")]
    [InlineData("18.0")]
    [InlineData("19.0")]
    public void Every_release_starts_by_recording_a_quantity_and_an_order_already_started_needs_no_start(string release)
    {
        Assert.Equal("record qty_producing 4", Steps(Order("confirmed"), Update(MoState.Progress, qtyProducing: 4), Release(release)));
        Assert.Equal("", Steps(Order("progress", recorded: 2), Update(MoState.Progress), Release(release)));
        Assert.Equal("", Steps(Order("to_close", recorded: 5), Update(MoState.Progress), Release(release)));
    }

    [Fact]
    public void Finishing_less_than_planned_without_a_backorder_decision_is_refused_naming_both_quantities()
    {
        var asked = Assert.Throws<BackorderDecisionNeededException>(() => Plan(Order("confirmed", planned: 5), Update(MoState.Done, qtyProducing: 2)));
        Assert.Equal(
            "Producing 2 of 5: Odoo asks whether to make a backorder for the rest (wizard mrp.production.backorder). "
            + "Send \"backorder\": true to create one, or false to close the order without it.",
            asked.Message);

        // The plan is the update's own product_qty when it sets one.
        var against = Assert.Throws<BackorderDecisionNeededException>(() => Plan(Order("confirmed", planned: 5), Update(MoState.Done, productQty: 8, qtyProducing: 5)));
        Assert.StartsWith("Producing 5 of 8:", against.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_backorder_decision_goes_with_the_mark_done(bool backorder)
    {
        Assert.Equal(
            [new UpdateStep.RecordProducing(2), new UpdateStep.MarkDone(backorder)],
            Plan(Order("confirmed", planned: 5), Update(MoState.Done, qtyProducing: 2, backorder: backorder)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    public void Finishing_the_plan_or_more_needs_no_backorder_decision(int produce)
    {
        Assert.Equal(
            [new UpdateStep.RecordProducing(produce), new UpdateStep.MarkDone(null)],
            Plan(Order("confirmed", planned: 5), Update(MoState.Done, qtyProducing: produce)));
    }

    [Fact]
    public void A_done_order_asked_done_again_with_less_is_not_asked_about_a_backorder()
    {
        Assert.Equal("write", Steps(Order("done", planned: 5, recorded: 5), Update(MoState.Done, qtyProducing: 2, priority: "1")));
    }
}
