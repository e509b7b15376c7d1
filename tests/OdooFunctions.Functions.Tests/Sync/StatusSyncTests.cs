using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.ManufacturingOrders;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Dashboard;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Sync;

[Collection(AzuriteGroup.Name)]
public class StatusSyncTests(AzuriteFixture azurite)
{
    [Theory]
    [MemberData(nameof(OdooVersions.All), MemberType = typeof(OdooVersions))]
    public async Task Brings_every_order_to_the_status_its_MO_state_maps_to_on_every_Odoo_version(string odooVersion)
    {
        await using var context = await SyncTestContext.StartAsync(azurite, odooVersion: odooVersion);
        var expected = new Dictionary<string, string>();
        foreach (var row in OrderStatusTests.GuideTable)
        {
            // "unknown" differs from every mapped status, so each order must be patched to its mapping.
            expected[context.Dashboard.Orders.Add(context.AddMo((string)row[0]), "unknown")] = (string)row[1];
        }

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal(6, run.Changed);
        Assert.Equal(6, run.Patched);
        foreach (var (orderId, status) in expected)
        {
            Assert.Equal(status, context.Dashboard.Orders.Get(orderId)!["status"]!.GetValue<string>());
        }

        // Every PATCH names its length: a dashboard behind a WSGI server reads a chunked body as empty.
        Assert.All(context.Dashboard.Requests.Patches(), patch => Assert.Equal(patch.Body!.Length, patch.ContentLength));
    }

    [Theory]
    [MemberData(nameof(OdooVersions.All), MemberType = typeof(OdooVersions))]
    public async Task The_demo_dashboards_first_sync_patches_its_stale_orders_and_the_next_finds_nothing_to_do(string odooVersion)
    {
        await using var context = await SyncTestContext.StartAsync(azurite, odooVersion: odooVersion);
        var stale = DashboardDemoCommand.Seed(context.Dashboard.Orders, context.Odoo.Options.Version);

        var first = await context.RunAsync();
        var second = await context.RunAsync();

        Assert.Equal(DashboardDemoCommand.Stale, stale);
        Assert.Equal((SyncOutcome.Succeeded, stale, stale, 0), (first.Outcome, first.Changed, first.Patched, first.Missing));
        Assert.Equal(context.Dashboard.Orders.Linked().Count, first.Linked);
        Assert.Equal((SyncOutcome.Succeeded, 0), (second.Outcome, second.Changed));
        foreach (var order in context.Dashboard.Orders.Linked())
        {
            var mo = context.Odoo.Store.Get("mrp.production", order["odoo_mo_id"]!.GetValue<long>())!;
            Assert.Equal(OrderStatus.For(MoState.Parse(mo["state"]!.GetValue<string>())), order["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Patches_only_the_orders_whose_status_or_quantity_differs_from_Odoo()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var unchanged = Enumerable.Range(0, 5).Select(_ => context.AddSyncedOrder("confirmed")).ToList();
        var statusChanged = context.Dashboard.Orders.Add(context.AddMo("progress"), "pending", 0);
        var quantityChanged = context.Dashboard.Orders.Add(context.AddMo("progress", 4), "in_progress", 2);
        var doneMo = context.AddMo("done");
        var completed = context.Dashboard.Orders.Add(doneMo, "in_progress", 0);

        var run = await context.RunAsync();

        Assert.Equal(8, run.Linked);
        Assert.Equal(8, run.Read);
        Assert.Equal(3, run.Changed);
        Assert.Equal(3, run.Patched);
        var patched = context.Dashboard.Requests.Patches();
        Assert.Equal(
            new[] { statusChanged, quantityChanged, completed }.Select(id => "/api/orders/" + id).Order(),
            patched.Select(p => p.PathAndQuery).Order());
        var body = JsonNode.Parse(patched.Single(p => p.PathAndQuery.EndsWith(completed, StringComparison.Ordinal)).Body!)!.AsObject();
        Assert.Equal("completed", body["status"]!.GetValue<string>());
        Assert.Equal(10, body["qty_produced"]!.GetValue<double>());
        Assert.Equal(["qty_produced", "status"], body.Select(p => p.Key).Order());
        Assert.Equal(4, context.Dashboard.Orders.Get(quantityChanged)!["qty_produced"]!.GetValue<double>());

        // A second run finds nothing left to change.
        context.Dashboard.Requests.Reset();
        var again = await context.RunAsync();
        Assert.Equal(0, again.Changed);
        Assert.Empty(context.Dashboard.Requests.Patches());
    }

    [Fact]
    public async Task Reads_1200_linked_orders_with_three_search_reads_of_at_most_500_ids()
    {
        await using var context = await SyncTestContext.StartAsync(azurite, batchSize: 500);
        for (var i = 0; i < 1200; i++)
        {
            context.AddSyncedOrder(i % 100 == 0 ? "progress" : "confirmed");
        }

        context.Odoo.Calls.Reset();
        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal(1200, run.Linked);
        Assert.Equal(1200, run.Read);
        Assert.Equal(3, run.OdooCalls);
        Assert.Equal(3, context.Odoo.Calls.Count("mrp.production", "search_read"));
        Assert.Equal(0, context.Odoo.Calls.Count("mrp.production", "read"));
        Assert.Equal(0, run.Changed);
    }

    [Fact]
    public async Task Counts_and_logs_orders_whose_MO_no_longer_exists_and_still_syncs_the_others()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var orphan = context.Dashboard.Orders.Add(987654, "pending");
        var changed = context.Dashboard.Orders.Add(context.AddMo("done"), "pending");

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Partial, run.Outcome);
        Assert.Equal(1, run.Missing);
        Assert.Equal(1, run.Patched);
        Assert.Contains(run.Errors, e => e.Contains(orphan, StringComparison.Ordinal) && e.Contains("987654", StringComparison.Ordinal));
        Assert.Contains(context.Logs.GetSnapshot(), log => log.Message.Contains(orphan, StringComparison.Ordinal));
        Assert.Equal("completed", context.Dashboard.Orders.Get(changed)!["status"]!.GetValue<string>());
        Assert.Equal("pending", context.Dashboard.Orders.Get(orphan)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_PATCH_does_not_stop_the_others_and_the_next_run_completes_it()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var orders = Enumerable.Range(0, 20).Select(_ => context.Dashboard.Orders.Add(context.AddMo("done"), "in_progress")).ToList();
        context.Dashboard.Faults.FailPatch(orders[3], count: 1, status: 500);
        context.Dashboard.Faults.FailPatch(orders[11], count: 1, status: 500);

        var first = await context.RunAsync();

        Assert.Equal(SyncOutcome.Partial, first.Outcome);
        Assert.Equal(20, first.Changed);
        Assert.Equal(18, first.Patched);
        Assert.Equal(2, first.Failed);
        Assert.Contains(first.Errors, e => e.Contains(orders[3], StringComparison.Ordinal) && e.Contains("500", StringComparison.Ordinal));
        Assert.Equal("in_progress", context.Dashboard.Orders.Get(orders[3])!["status"]!.GetValue<string>());
        // PATCH is not retried blindly: exactly one attempt per order.
        Assert.Equal(20, context.Dashboard.Requests.Count("PATCH"));

        var second = await context.RunAsync();

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        Assert.Equal(2, second.Changed);
        Assert.Equal(2, second.Patched);
        Assert.All(orders, id => Assert.Equal("completed", context.Dashboard.Orders.Get(id)!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Odoo_down_fails_the_run_cleanly_records_it_and_the_next_run_succeeds()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var order = context.Dashboard.Orders.Add(context.AddMo("done"), "pending");
        // More failures than the client's read retries: Odoo stays down for the whole run.
        context.Odoo.Faults.FailNext(20, OdooFault.Status503, "search_read");

        var failed = await context.RunAsync(SyncTrigger.Timer);

        Assert.Equal(SyncOutcome.Failed, failed.Outcome);
        Assert.Equal(0, failed.Patched);
        Assert.Empty(context.Dashboard.Requests.Patches());
        Assert.Contains(failed.Errors, e => e.StartsWith("Odoo:", StringComparison.Ordinal));
        Assert.DoesNotContain(failed.Errors, e => e.Contains(context.Odoo.Options.ApiKey, StringComparison.Ordinal));
        var recorded = Assert.Single(await context.Store.LatestAsync(10));
        Assert.Equal(failed.Id, recorded.Id);
        Assert.Equal(SyncOutcome.Failed, recorded.Outcome);
        Assert.Equal(SyncTrigger.Timer, recorded.Trigger);

        context.Odoo.Faults.Clear();
        var next = await context.RunAsync(SyncTrigger.Timer);

        Assert.Equal(SyncOutcome.Succeeded, next.Outcome);
        Assert.Equal(1, next.Patched);
        Assert.Equal("completed", context.Dashboard.Orders.Get(order)!["status"]!.GetValue<string>());
        Assert.Equal([next.Id, failed.Id], (await context.Store.LatestAsync(10)).Select(r => r.Id));
    }

    [Theory]
    [InlineData(DashboardGarbage.HtmlPage)]
    [InlineData(DashboardGarbage.TruncatedJson)]
    [InlineData(DashboardGarbage.WrongShape)]
    [InlineData(DashboardGarbage.DuplicateKey)]
    public async Task A_dashboard_answering_garbage_fails_the_run_without_asking_Odoo_or_patching(DashboardGarbage garbage)
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending");
        context.Dashboard.Faults.GarbageNextList(garbage);
        context.Odoo.Calls.Reset();

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("Dashboard API: GET /orders", error, StringComparison.Ordinal);
        Assert.Equal(0, context.Odoo.Calls.Count("mrp.production", "search_read"));
        Assert.Empty(context.Dashboard.Requests.Patches());
        Assert.Single(await context.Store.LatestAsync(5));
    }

    [Fact]
    public async Task A_dashboard_page_with_a_repeated_key_fails_the_run_naming_the_key_and_the_page()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending");
        context.Dashboard.Faults.GarbageNextList(DashboardGarbage.DuplicateKey);

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        var error = Assert.Single(run.Errors);
        Assert.Contains("'data[0].status' more than once", error, StringComparison.Ordinal);
        Assert.Contains("/orders?", error, StringComparison.Ordinal);
        Assert.Empty(context.Dashboard.Requests.Patches());
    }

    [Fact]
    public async Task A_rejected_dashboard_token_fails_the_run_without_quoting_the_token()
    {
        var wrongToken = "wrong-" + Guid.NewGuid().ToString("N");
        await using var context = await SyncTestContext.StartAsync(azurite, dashboardToken: wrongToken);
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending");

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Failed, run.Outcome);
        Assert.Contains(run.Errors, e => e.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Errors, e => e.Contains(wrongToken, StringComparison.Ordinal));
        Assert.DoesNotContain(context.Logs.GetSnapshot(), log => log.Message.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_a_failing_read_of_the_orders_but_not_a_failing_PATCH()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var order = context.Dashboard.Orders.Add(context.AddMo("done"), "pending");
        context.Dashboard.Faults.FailNextList(count: 1, status: 503);

        var run = await context.RunAsync();

        Assert.Equal(SyncOutcome.Succeeded, run.Outcome);
        Assert.Equal(2, context.Dashboard.Requests.Count("GET"));
        Assert.Equal("completed", context.Dashboard.Orders.Get(order)!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DashboardListShape.BareArray)]
    [InlineData(DashboardListShape.PagedByNumber)]
    [InlineData(DashboardListShape.PagedByNextLink)]
    public async Task Reads_every_linked_order_whatever_the_list_shape_and_pagination(DashboardListShape shape)
    {
        await using var context = await SyncTestContext.StartAsync(azurite, dashboardOptions: new DashboardDoubleOptions { ListShape = shape, PageSize = 40 });
        var orders = Enumerable.Range(0, 100).Select(_ => context.Dashboard.Orders.Add(context.AddMo("progress"), "pending")).ToList();
        context.Dashboard.Orders.Add(odooMoId: null, status: "pending");

        var run = await context.RunAsync();

        Assert.Equal(100, run.Linked);
        Assert.Equal(100, run.Patched);
        Assert.Equal(shape == DashboardListShape.BareArray ? 1 : 3, context.Dashboard.Requests.Count("GET"));
        Assert.All(orders, id => Assert.Equal("in_progress", context.Dashboard.Orders.Get(id)!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Refuses_a_second_run_while_one_is_in_progress()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending");
        // Slow dashboard: the first run is still waiting for its orders when the second is asked for.
        context.Dashboard.Latency = TimeSpan.FromSeconds(1);

        var first = context.Sync.TryRunAsync(SyncTrigger.Timer);
        var second = await context.Sync.TryRunAsync(SyncTrigger.Manual);

        Assert.Null(second);
        var completed = await first;
        Assert.NotNull(completed);
        Assert.Equal(1, completed.Patched);
        Assert.Single(await context.Store.LatestAsync(10));
        Assert.False(context.Sync.IsRunning);
    }
}
