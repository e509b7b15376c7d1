using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// The typed client's operations whose calls differ between Odoo releases, on every version the double speaks: what it
/// reads, records, writes back, starts and finishes, checked in the double's store.
/// </summary>
public sealed class ManufacturingOrderClientTests
{
    public static TheoryData<string> Versions => [.. OdooVersion.Names];

    private static long AddOrder(OdooTestContext odoo, double qty, string state) =>
        odoo.Server.Store.AddManufacturingOrder(odoo.Server.FinishedProductId, qty, state);

    /// <summary>Each component move of the order (not cancelled): what Odoo counts as consumed.</summary>
    private static Dictionary<long, double> Consumed(OdooTestContext odoo, long id) =>
        odoo.Server.Store.Components(id).ToDictionary(move => move.Key, move => move.Value.Consumed);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Recording_a_quantity_makes_the_components_follow_and_restoring_puts_them_back(string version)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);
        var id = AddOrder(odoo, 10, "confirmed");
        var before = Consumed(odoo, id);

        var previous = await odoo.ManufacturingOrders.GetProducingAsync(id, 0);
        await odoo.ManufacturingOrders.RecordProducingAsync(id, 4, previous);
        var recorded = Consumed(odoo, id);
        var order = (await odoo.ManufacturingOrders.GetAsync(id))!;

        Assert.Equal(4.0, order.QtyProducing);
        Assert.Equal("progress", order.State);
        Assert.All(recorded.Values, quantity => Assert.True(quantity > 0));
        // 16.0 reads the moves to write them back; later releases recompute them from the quantity.
        Assert.Equal(odoo.Server.Version.HasSetQtyProducing ? 0 : before.Count, previous.RawMoves.Count);

        await odoo.ManufacturingOrders.RestoreProducingAsync(id, previous);

        Assert.Equal(0.0, (await odoo.ManufacturingOrders.GetAsync(id))!.QtyProducing);
        Assert.Equal(before, Consumed(odoo, id));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Start_calls_the_releases_start_action_and_a_release_without_one_is_refused_before_calling_Odoo(string version)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);
        var id = AddOrder(odoo, 3, "confirmed");

        if (odoo.Server.Version.HasActionStart)
        {
            await odoo.ManufacturingOrders.StartAsync(id);
            Assert.Equal("progress", (await odoo.ManufacturingOrders.GetAsync(id))!.State);
        }
        else
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => odoo.ManufacturingOrders.StartAsync(id));

            // Only common.version, to know the release: nothing was asked of the order.
            Assert.DoesNotContain(odoo.Server.Calls.Snapshot(), call => call.Model == "mrp.production");
            Assert.Equal("confirmed", (await odoo.ManufacturingOrders.GetAsync(id))!.State);
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Mark_done_of_a_partial_quantity_answers_the_backorder_wizard_without_a_decision_and_finishes_with_one(string version)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);
        var id = AddOrder(odoo, 5, "confirmed");
        await odoo.ManufacturingOrders.RecordProducingAsync(id, 2, await odoo.ManufacturingOrders.GetProducingAsync(id, 0));

        var asked = await odoo.ManufacturingOrders.MarkDoneAsync(id, backorder: null);
        var finished = await odoo.ManufacturingOrders.MarkDoneAsync(id, backorder: true);

        Assert.Equal("mrp.production.backorder", asked.WizardModel);
        Assert.False(asked.IsFinished);
        Assert.True(finished.IsFinished);
        var order = (await odoo.ManufacturingOrders.GetAsync(id))!;
        Assert.Equal("done", order.State);
        Assert.Equal(2.0, order.QtyProduced);
        var backorders = await odoo.ManufacturingOrders.SearchAsync(OdooDomain.Where("name", "=", order.Name![..^4] + "-002"), 5);
        Assert.Equal(3.0, Assert.Single(backorders).ProductQty);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task The_planned_start_is_written_to_and_read_from_the_field_the_release_keeps_it_in(string version)
    {
        await using var odoo = await OdooTestContext.StartAsync(version);
        var id = AddOrder(odoo, 3, "draft");

        await odoo.ManufacturingOrders.WriteAsync(id, new ManufacturingOrderValues { DatePlannedStart = "2030-01-02 03:04:05" });

        Assert.Equal("2030-01-02 03:04:05", odoo.Server.Store.Get("mrp.production", id)![odoo.Server.Version.PlannedStartField]!.GetValue<string>());
        Assert.Equal("2030-01-02 03:04:05", (await odoo.ManufacturingOrders.GetAsync(id))!.DatePlannedStart);
    }
}
