using System.Text.Json.Nodes;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary>What the sync reads from the dashboard it cannot trust blindly: quantities, hand-set statuses, sizes (its links: <see cref="Dashboard.DashboardOrdersClientTests"/>).</summary>
[Collection(AzuriteGroup.Name)]
public class SyncHardeningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_quantity_that_is_missing_or_a_numeric_string_is_compared_as_a_number_and_not_patched()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var missing = context.Dashboard.Orders.Add(new JsonObject { ["odoo_mo_id"] = context.AddMo("confirmed"), ["status"] = "pending" });
        var text = context.Dashboard.Orders.Add(new JsonObject { ["odoo_mo_id"] = context.AddMo("progress", 4), ["status"] = "in_progress", ["qty_produced"] = "4" });
        var decimalText = context.Dashboard.Orders.Add(new JsonObject { ["odoo_mo_id"] = context.AddMo("progress", 2.5), ["status"] = "in_progress", ["qty_produced"] = " 2.50 " });

        var run = await context.RunAsync();

        Assert.Equal((SyncOutcome.Succeeded, 3, 0, 0), (run.Outcome, run.Read, run.Changed, run.Unreadable));
        Assert.Empty(context.Dashboard.Requests.Patches());
        Assert.NotNull(context.Dashboard.Orders.Get(missing));
        Assert.NotNull(context.Dashboard.Orders.Get(text));
        Assert.NotNull(context.Dashboard.Orders.Get(decimalText));
    }

    [Fact]
    public async Task Orders_whose_values_cannot_be_read_are_left_alone_and_counted_on_their_own()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var lots = context.Dashboard.Orders.Add(new JsonObject { ["odoo_mo_id"] = context.AddMo("progress", 4), ["status"] = "in_progress", ["qty_produced"] = "lots" });
        context.Dashboard.Orders.Add(new JsonObject { ["odoo_mo_id"] = context.AddMo("done", 1), ["status"] = new JsonObject { ["code"] = "x" }, ["qty_produced"] = 1 });
        var stale = context.Dashboard.Orders.Add(context.AddMo("done", 3), "pending", 0);

        var run = await context.RunAsync();

        Assert.Equal((SyncOutcome.Partial, 2, 1, 1, 0), (run.Outcome, run.Unreadable, run.Changed, run.Patched, run.Missing));
        Assert.Equal([stale], context.Dashboard.Requests.Patches().Select(p => p.PathAndQuery.Split('/')[^1]));
        Assert.Contains(run.Errors, e => e.Contains("qty_produced cannot be read", StringComparison.Ordinal));
        Assert.Equal("lots", context.Dashboard.Orders.Get(lots)!["qty_produced"]!.GetValue<string>());
    }

    [Fact]
    public async Task By_default_a_hand_set_status_is_overwritten_with_the_MOs()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var held = context.Dashboard.Orders.Add(context.AddMo("progress"), "on_hold", 0);

        var run = await context.RunAsync();

        Assert.Equal((1, 1, 0), (run.Patched, run.Changed, run.Kept));
        Assert.Equal("in_progress", context.Dashboard.Orders.Get(held)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Statuses_named_in_SYNC_KEEP_STATUSES_are_left_alone_whatever_Odoo_says()
    {
        await using var context = await SyncTestContext.StartAsync(azurite, settings: new() { ["SYNC_KEEP_STATUSES"] = " On_Hold , quality_check" });
        var held = context.Dashboard.Orders.Add(context.AddMo("progress"), "on_hold", 0);
        var checkedOrder = context.Dashboard.Orders.Add(context.AddMo("done", 2), "quality_check", 0);
        var stale = context.Dashboard.Orders.Add(context.AddMo("done", 2), "pending", 0);

        var run = await context.RunAsync();

        Assert.Equal((SyncOutcome.Succeeded, 2, 1, 1), (run.Outcome, run.Kept, run.Changed, run.Patched));
        Assert.Equal("on_hold", context.Dashboard.Orders.Get(held)!["status"]!.GetValue<string>());
        Assert.Equal("quality_check", context.Dashboard.Orders.Get(checkedOrder)!["status"]!.GetValue<string>());
        Assert.Equal("completed", context.Dashboard.Orders.Get(stale)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dashboard_answer_over_MAX_RESPONSE_MB_fails_the_run_clearly_and_patches_nothing()
    {
        await using var context = await SyncTestContext.StartAsync(azurite, settings: new() { ["MAX_RESPONSE_MB"] = "1" });
        context.Dashboard.Orders.Add(context.AddMo("done", 1), "pending", 0, new JsonObject { ["notes"] = new string('x', 1_200_000) });

        var run = await context.RunAsync();

        Assert.Equal((SyncOutcome.Failed, SyncFailure.Dashboard, 0), (run.Outcome, run.Failure, run.Patched));
        Assert.Contains(run.Errors, e => e.Contains("more than 1 MB (MAX_RESPONSE_MB)", StringComparison.Ordinal));
        Assert.Empty(context.Dashboard.Requests.Patches());
    }
}
