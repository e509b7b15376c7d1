using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>The one rule both triggers follow: an MO's committed progress and what its order shows in, a PATCH or a reason out, no server.</summary>
public sealed class OrderReconcilerTests
{
    private static readonly DateTime ReadAt = new(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc);

    private static ManufacturingOrderProgress Mo(string? state, double qty = 0, DateTime? writeDate = null) => new(7, state, qty, writeDate ?? ReadAt);

    private static Reconciliation Reconcile(ManufacturingOrderProgress mo, string? status, double? qty = 0, DateTime? sentWriteDate = null, KeptStatuses? kept = null) =>
        OrderReconciler.Reconcile(mo, new OrderValues(status, qty, sentWriteDate), kept ?? KeptStatuses.None);

    [Theory]
    [MemberData(nameof(OrderStatusTests.GuideTable), MemberType = typeof(OrderStatusTests))]
    public void An_order_showing_another_status_gets_its_MOs_status_and_quantity(string state, string status)
    {
        var reconciled = Reconcile(Mo(state, 2), "on_hold", 2);

        Assert.Equal(ReconcileReason.OutOfStep, reconciled.Reason);
        Assert.Equal(new DashboardOrderPatch(status, 2), reconciled.Patch);
    }

    [Theory]
    [MemberData(nameof(OrderStatusTests.GuideTable), MemberType = typeof(OrderStatusTests))]
    public void An_order_showing_its_MOs_status_and_quantity_is_in_step(string state, string status)
    {
        var reconciled = Reconcile(Mo(state, 3), status, 3);

        Assert.Equal(ReconcileReason.InStep, reconciled.Reason);
        Assert.Null(reconciled.Patch);
        Assert.False(reconciled.Patches);
    }

    [Fact]
    public void A_status_is_compared_exactly()
    {
        var reconciled = Reconcile(Mo("done", 1), "Completed", 1);

        Assert.Equal(new DashboardOrderPatch("completed", 1), reconciled.Patch);
    }

    [Theory]
    [InlineData("on_hold")]
    [InlineData("On_Hold")]
    [InlineData("ON_HOLD")]
    public void A_kept_status_is_left_alone_in_any_case_whatever_Odoo_says(string shown)
    {
        var kept = new KeptStatuses(["on_hold", "quality_check"]);

        Assert.Equal(ReconcileReason.Kept, Reconcile(Mo("done", 5), shown, 0, kept: kept).Reason);
        Assert.Equal(ReconcileReason.Kept, Reconcile(Mo("planned", 5), shown, 0, kept: kept).Reason);
        Assert.Null(Reconcile(Mo("done", 5), shown, 0, kept: kept).Patch);
    }

    [Fact]
    public void By_default_no_status_is_kept()
    {
        Assert.Equal(ReconcileReason.OutOfStep, Reconcile(Mo("progress"), "on_hold").Reason);
        Assert.Equal(ReconcileReason.OutOfStep, Reconcile(Mo("progress"), "on_hold", kept: new KeptStatuses(["quality_check"])).Reason);
    }

    [Theory]
    [InlineData(14.2, 14.200000000000001)]
    [InlineData(14.200000000000001, 14.2)]
    [InlineData(3, 3.0000009)]
    [InlineData(3, 2.9999991)]
    public void A_quantity_within_a_millionth_of_Odoos_is_the_same(double shown, double odoo) =>
        Assert.Equal(ReconcileReason.InStep, Reconcile(Mo("progress", odoo), "in_progress", shown).Reason);

    [Theory]
    [InlineData(3, 3.0000011)]
    [InlineData(3, 2.9999989)]
    [InlineData(0, 1)]
    [InlineData(14.2, 14.3)]
    public void A_quantity_further_than_a_millionth_from_Odoos_is_sent_as_Odoo_holds_it(double shown, double odoo)
    {
        var reconciled = Reconcile(Mo("progress", odoo), "in_progress", shown);

        Assert.Equal(ReconcileReason.OutOfStep, reconciled.Reason);
        Assert.Equal(new DashboardOrderPatch("in_progress", odoo), reconciled.Patch);
    }

    [Fact]
    public void An_order_with_no_quantity_yet_gets_Odoos()
    {
        var reconciled = Reconcile(Mo("progress", 0), "in_progress", qty: null);

        Assert.Equal(new DashboardOrderPatch("in_progress", 0), reconciled.Patch);
    }

    [Fact]
    public void An_order_with_no_status_yet_gets_its_MOs()
    {
        var reconciled = Reconcile(Mo("confirmed", 0), status: null);

        Assert.Equal(new DashboardOrderPatch("pending", 0), reconciled.Patch);
    }

    [Theory]
    [InlineData("planned")]
    [InlineData("DONE")]
    [InlineData("")]
    [InlineData(null)]
    public void An_MO_in_a_state_the_guide_does_not_map_is_not_guessed(string? state)
    {
        var reconciled = Reconcile(Mo(state, 4), "pending", 0);

        Assert.Equal(ReconcileReason.UnknownState, reconciled.Reason);
        Assert.Null(reconciled.Patch);
    }

    [Fact]
    public void Values_sent_from_a_later_Odoo_write_are_not_written_back_with_older_ones()
    {
        var reconciled = Reconcile(Mo("progress", 1), "completed", 5, sentWriteDate: ReadAt.AddSeconds(1));

        Assert.Equal(ReconcileReason.NewerSent, reconciled.Reason);
        Assert.Null(reconciled.Patch);
    }

    [Fact]
    public void Values_sent_from_the_same_or_an_earlier_Odoo_write_are_brought_in_step()
    {
        Assert.Equal(new DashboardOrderPatch("in_progress", 1), Reconcile(Mo("progress", 1), "completed", 5, sentWriteDate: ReadAt).Patch);
        Assert.Equal(new DashboardOrderPatch("in_progress", 1), Reconcile(Mo("progress", 1), "completed", 5, sentWriteDate: ReadAt.AddSeconds(-1)).Patch);
    }

    [Fact]
    public void Without_Odoos_write_date_the_values_read_are_sent()
    {
        var mo = new ManufacturingOrderProgress(7, "progress", 1, WriteDate: null);

        Assert.Equal(new DashboardOrderPatch("in_progress", 1), Reconcile(mo, "completed", 5, sentWriteDate: ReadAt).Patch);
    }

    [Fact]
    public void Values_already_in_step_are_in_step_whatever_was_sent_later()
    {
        var reconciled = Reconcile(Mo("progress", 1), "in_progress", 1, sentWriteDate: ReadAt.AddSeconds(1));

        Assert.Equal(ReconcileReason.InStep, reconciled.Reason);
    }
}
