using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary>The sync's decisions on their own: dashboard orders and Odoo's MOs in, a verdict per order out, no server.</summary>
public sealed class SyncPlanTests
{
    private static DashboardOrder Order(long moId, string? status, double? qty = 0, string id = "o1", string? unreadable = null) =>
        new(id, moId, status, qty, unreadable);

    private static Dictionary<long, ManufacturingOrderProgress> Mos(params ManufacturingOrderProgress[] mos) => mos.ToDictionary(mo => mo.Id);

    private static ManufacturingOrderProgress Mo(long id, string? state, double qty = 0) => new(id, state, qty, null);

    private static SyncDecision Single(DashboardOrder order, Dictionary<long, ManufacturingOrderProgress> mos, KeptStatuses? keep = null) =>
        Assert.Single(SyncPlan.Decide([order], mos, keep ?? KeptStatuses.None));

    [Fact]
    public void An_order_whose_status_differs_from_its_MOs_is_patched_with_the_MOs_status_and_quantity()
    {
        var decision = Single(Order(7, "pending", 2), Mos(Mo(7, "progress", 2)));

        Assert.Equal(SyncVerdict.Patch, decision.Verdict);
        Assert.Equal(("in_progress", 2.0), (decision.Status, decision.QtyProduced));
    }

    [Fact]
    public void An_order_showing_the_MOs_status_and_quantity_is_in_step()
    {
        var decision = Single(Order(7, "completed", 3), Mos(Mo(7, "done", 3)));

        Assert.Equal(SyncVerdict.InStep, decision.Verdict);
    }

    [Theory]
    [InlineData(14.2, 14.200000000000001)]
    [InlineData(3, 3.0000009)]
    [InlineData(3, 2.9999991)]
    public void A_quantity_within_a_millionth_of_Odoos_is_the_same(double dashboard, double odoo) =>
        Assert.Equal(SyncVerdict.InStep, Single(Order(7, "in_progress", dashboard), Mos(Mo(7, "progress", odoo))).Verdict);

    [Theory]
    [InlineData(3, 3.0000011)]
    [InlineData(3, 2.9999989)]
    [InlineData(0, 1)]
    public void A_quantity_further_than_a_millionth_from_Odoos_is_patched(double dashboard, double odoo)
    {
        var decision = Single(Order(7, "in_progress", dashboard), Mos(Mo(7, "progress", odoo)));

        Assert.Equal(SyncVerdict.Patch, decision.Verdict);
        Assert.Equal(("in_progress", odoo), (decision.Status, decision.QtyProduced));
    }

    [Fact]
    public void An_order_whose_MO_Odoo_does_not_have_is_left_alone_as_missing() =>
        Assert.Equal(SyncVerdict.MoMissing, Single(Order(7, "pending"), Mos(Mo(8, "done"))).Verdict);

    [Theory]
    [InlineData("planned")]
    [InlineData("DONE")]
    [InlineData(null)]
    public void An_order_whose_MO_is_in_a_state_the_guide_does_not_map_is_left_alone(string? state)
    {
        var decision = Single(Order(7, "pending"), Mos(Mo(7, state)));

        Assert.Equal(SyncVerdict.UnknownState, decision.Verdict);
        Assert.Equal(state, decision.Mo!.State);
        Assert.Null(decision.Status);
    }

    [Fact]
    public void A_status_named_in_the_keep_list_is_left_alone_in_any_case_whatever_Odoo_says()
    {
        var keep = new KeptStatuses(["on_hold"]);

        Assert.Equal(SyncVerdict.Kept, Single(Order(7, "On_Hold"), Mos(Mo(7, "done", 5)), keep).Verdict);
        Assert.Equal(SyncVerdict.Patch, Single(Order(7, "pending"), Mos(Mo(7, "done", 5)), keep).Verdict);
    }

    [Fact]
    public void By_default_a_hand_set_status_is_patched() =>
        Assert.Equal(SyncVerdict.Patch, Single(Order(7, "on_hold"), Mos(Mo(7, "progress"))).Verdict);

    [Fact]
    public void An_order_with_an_unreadable_value_is_left_alone_even_when_its_status_is_kept()
    {
        var keep = new KeptStatuses(["on_hold"]);

        Assert.Equal(SyncVerdict.Unreadable, Single(Order(7, null, qty: null, unreadable: "qty_produced"), Mos(Mo(7, "done", 5))).Verdict);
        Assert.Equal(SyncVerdict.Unreadable, Single(Order(7, "on_hold", qty: null, unreadable: "qty_produced"), Mos(Mo(7, "done", 5)), keep).Verdict);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void An_order_without_a_positive_MO_id_is_not_linked(long moId) =>
        Assert.Equal(SyncVerdict.NotLinked, Single(Order(moId, "pending"), Mos(Mo(moId, "done"))).Verdict);

    [Fact]
    public void Screening_links_only_readable_unkept_orders_with_an_MO_id_in_the_orders_order()
    {
        var keep = new KeptStatuses(["on_hold"]);
        DashboardOrder[] orders =
        [
            Order(1, "pending", id: "a"), Order(2, "on_hold", id: "b"), Order(0, "pending", id: "c"),
            Order(3, null, null, id: "d", unreadable: "status"), Order(1, "completed", id: "e"),
        ];

        var screened = SyncPlan.Screen(orders, keep);

        Assert.Equal(
            [("a", SyncVerdict.Linked), ("b", SyncVerdict.Kept), ("c", SyncVerdict.NotLinked), ("d", SyncVerdict.Unreadable), ("e", SyncVerdict.Linked)],
            screened.Select(d => (d.Order.Id, d.Verdict)));
    }

    [Fact]
    public void Orders_sharing_an_MO_are_each_compared_with_it()
    {
        var compared = SyncPlan.Compare([Order(4, "pending", id: "a"), Order(4, "in_progress", id: "b")], Mos(Mo(4, "to_close", 1)));

        Assert.Equal([("a", SyncVerdict.Patch), ("b", SyncVerdict.Patch)], compared.Select(d => (d.Order.Id, d.Verdict)));
        Assert.All(compared, d => Assert.Equal(("in_progress", 1.0), (d.Status, d.QtyProduced)));
    }
}
