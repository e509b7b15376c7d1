using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>Webhook → queue → processor → PATCH, with the queue trigger run as host.json configures the host.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PushProcessingTests
{
    [Fact]
    public async Task A_state_change_reaches_the_dashboard_read_back_from_Odoo_with_Content_Length()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        var payload = context.ChangeInOdoo(mo, "done", qtyProduced: 5);
        // The payload's values are only a hint: what goes out is what Odoo holds.
        payload["qty_produced"] = 99.0;

        using var answer = await PushTestContext.PostWebhookAsync(app, payload);
        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.Completed, "the PATCH to completed");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal(5.0, context.Dashboard.Orders.Get(order)!["qty_produced"]!.GetValue<double>());
        var patch = Assert.Single(context.Dashboard.Requests.Patches());
        Assert.Equal(patch.Body!.Length, patch.ContentLength);
        Assert.Equal("""{"status":"completed","qty_produced":5}""", patch.Body);
    }

    [Fact]
    public async Task An_order_that_already_shows_the_MOs_state_is_not_patched()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        var (other, otherOrder) = context.AddLinkedOrder("confirmed", "pending");
        // draft and confirmed both show as pending: Odoo's change changes nothing on the dashboard.
        var unchanged = context.ChangeInOdoo(mo, "confirmed");
        var changed = context.ChangeInOdoo(other, "progress");

        await PushTestContext.PostWebhookAsync(app, unchanged);
        await PushTestContext.PostWebhookAsync(app, changed);
        await Eventually.WaitAsync(() => context.StatusOf(otherOrder) == OrderStatus.InProgress, "the changed order's PATCH");
        await Eventually.WaitAsync(() => app.Queue!.Invocations >= 2, "both messages processed");

        Assert.Equal(0, context.PatchesOf(order));
        Assert.Equal(1, context.PatchesOf(otherOrder));
    }

    [Fact]
    public async Task A_second_webhook_for_a_change_already_sent_patches_nothing()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        var payload = context.ChangeInOdoo(mo, "progress");

        await PushTestContext.PostWebhookAsync(app, payload);
        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.InProgress, "the first PATCH");
        await PushTestContext.PostWebhookAsync(app, payload);
        await Eventually.WaitAsync(() => app.Queue!.Invocations >= 2, "the second message processed");

        Assert.Equal(1, context.PatchesOf(order));
    }

    [Fact]
    public async Task Messages_for_one_MO_that_arrive_together_are_read_from_Odoo_once_and_patched_once()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        var (other, otherOrder) = context.AddLinkedOrder("confirmed", "pending");
        await app.Sync.TryRunAsync(SyncTrigger.Manual);
        var first = context.ChangeInOdoo(mo, "progress");
        var second = context.ChangeInOdoo(mo, "to_close", qtyProduced: 0);
        var third = context.ChangeInOdoo(other, "done", qtyProduced: 5);
        // Queued while no processor runs, so that one poll hands them over together, as a host batch does.
        foreach (var body in new[] { first, first, second, third, second })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await PushTestContext.PostWebhookAsync(app, body)).StatusCode);
        }

        context.Odoo.Calls.Reset();
        await using var processor = await context.StartAppAsync();
        await Eventually.WaitAsync(() => processor.Queue!.Invocations >= 5, "all five messages processed");

        // One poll hands all five over together; on a loaded machine their invocations may straddle two windows.
        Assert.InRange(context.Odoo.Calls.Count("mrp.production", "search_read"), 1, 2);
        Assert.Equal(1, context.PatchesOf(order));
        Assert.Equal(1, context.PatchesOf(otherOrder));
        Assert.Equal(OrderStatus.InProgress, context.StatusOf(order));
        Assert.Equal(OrderStatus.Completed, context.StatusOf(otherOrder));
    }

    [Fact]
    public async Task A_change_Odoo_has_not_committed_yet_is_put_back_with_a_delay_and_sent_once_Odoo_shows_it()
    {
        await using var context = await PushTestContext.StartAsync("17.0");
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        // 17.0 posts before its commit: the payload says progress, one second later than what Odoo still shows.
        var writeDate = DateTime.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await PushTestContext.PostWebhookAsync(app, PushTestContext.Payload(mo, "progress", writeDate + ".100000"));

        await Eventually.WaitAsync(() => app.Http.Logs.GetSnapshot().Any(l => l.Message.Contains("not committed yet", StringComparison.Ordinal)), "the re-check");
        Assert.Equal(OrderStatus.Pending, context.StatusOf(order));
        Assert.Equal(0, context.PatchesOf(order));
        // Now the transaction commits.
        context.Odoo.Store.Update("mrp.production", mo, new JsonObject { ["state"] = "progress", ["write_date"] = writeDate });

        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.InProgress, "the PATCH after the re-check", TimeSpan.FromSeconds(10));
        Assert.Equal(1, context.PatchesOf(order));
    }

    [Fact]
    public async Task A_change_that_never_commits_shows_what_Odoo_holds_after_the_last_recheck_and_is_left_to_the_timer()
    {
        await using var context = await PushTestContext.StartAsync("17.0", new() { ["WEBHOOK_RECHECKS"] = "1" });
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("progress", "pending");
        // A payload for a change that was rolled back after the POST (17.0 sends before it knows).
        var writeDate = DateTime.UtcNow.AddSeconds(2).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        await PushTestContext.PostWebhookAsync(app, PushTestContext.Payload(mo, "done", writeDate + ".1"));
        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.InProgress, "Odoo's committed state", TimeSpan.FromSeconds(10));

        Assert.NotEqual(OrderStatus.Completed, context.StatusOf(order));
        Assert.Equal(1, context.PatchesOf(order));
    }

    [Fact]
    public async Task A_full_sync_rewrites_the_index_from_the_dashboards_list()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        var (kept, keptOrder) = context.AddLinkedOrder("done", "completed", 5);
        var (stale, staleOrder) = context.AddLinkedOrder("progress", "pending");
        var (gone, goneOrder) = context.AddLinkedOrder("draft", "pending");
        await app.Sync.TryRunAsync(SyncTrigger.Manual);
        Assert.Single(await app.Index.ForMoAsync(gone, default));

        context.Dashboard.Orders.Update(goneOrder, new JsonObject { ["odoo_mo_id"] = null });
        var second = context.Dashboard.Orders.Add(kept, "completed", 5);
        await app.Sync.TryRunAsync(SyncTrigger.Manual);

        var index = await app.Index.AllAsync(default);
        Assert.Equal(3, index.Count);
        Assert.Equal(("completed", 5.0), (index[(kept, keptOrder)].Status, index[(kept, keptOrder)].QtyProduced!.Value));
        Assert.Equal("completed", index[(kept, second)].Status);
        // The row holds what the run left on the dashboard: the PATCHed value, not the stale one it read.
        Assert.Equal(OrderStatus.InProgress, index[(stale, staleOrder)].Status);
        Assert.Empty(await app.Index.ForMoAsync(gone, default));
    }

    [Fact]
    public async Task One_orders_row_is_read_by_its_keys_even_when_its_id_needs_escaping()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(processQueue: false);
        var mo = context.Odoo.Store.AddManufacturingOrder(context.ProductId, 5, "confirmed");
        var order = context.Dashboard.Orders.Add(new JsonObject { ["_id"] = "ord/1 %#?", ["odoo_mo_id"] = mo, ["status"] = "pending", ["qty_produced"] = 0 });
        await app.Sync.TryRunAsync(SyncTrigger.Manual);

        var row = await app.Index.RowAsync(mo, order, default);
        Assert.Equal((mo, order, OrderStatus.Pending), (row?.MoId, row?.OrderId, row?.Status));
        Assert.Null(await app.Index.RowAsync(mo, "another", default));
        Assert.Null(await app.Index.RowAsync(mo + 1, order, default));
    }

    [Fact]
    public async Task An_MO_missing_from_the_index_refreshes_it_once_and_not_again_within_the_minute()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync();
        var (first, firstOrder) = context.AddLinkedOrder("confirmed", "pending");
        var listsBefore = context.Dashboard.Requests.Count("GET");

        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(first, "progress"));
        await Eventually.WaitAsync(() => context.StatusOf(firstOrder) == OrderStatus.InProgress, "the PATCH after the refresh");
        Assert.Equal(listsBefore + 1, context.Dashboard.Requests.Count("GET"));

        // An order made after that refresh: its MO is not in the index, and the gate stays shut for a minute.
        var (late, lateOrder) = context.AddLinkedOrder("confirmed", "pending");
        var unlinked = context.Odoo.Store.AddManufacturingOrder(context.ProductId, 1, "confirmed");
        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(late, "progress"));
        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(unlinked, "progress"));
        await Eventually.WaitAsync(() => app.Queue!.Invocations >= 3, "both messages processed");

        Assert.Equal(listsBefore + 1, context.Dashboard.Requests.Count("GET"));
        Assert.Equal(OrderStatus.Pending, context.StatusOf(lateOrder));
        // The timer's run is the safety net: it finds the order and rewrites the index.
        await app.Sync.TryRunAsync(SyncTrigger.Timer);
        Assert.Equal(OrderStatus.InProgress, context.StatusOf(lateOrder));
        Assert.Single(await app.Index.ForMoAsync(late, default));
    }

    [Fact]
    public async Task Kept_statuses_are_not_pushed_over()
    {
        await using var context = await PushTestContext.StartAsync(overrides: new() { ["SYNC_KEEP_STATUSES"] = "on_hold" });
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "on_hold");
        var (other, otherOrder) = context.AddLinkedOrder("confirmed", "pending");

        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(mo, "progress"));
        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(other, "progress"));
        await Eventually.WaitAsync(() => context.StatusOf(otherOrder) == OrderStatus.InProgress, "the other order's PATCH");
        await Eventually.WaitAsync(() => app.Queue!.Invocations >= 2, "both processed");

        Assert.Equal("on_hold", context.StatusOf(order));
        Assert.Equal(0, context.PatchesOf(order));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_poison_queue_after_maxDequeueCount_tries_and_the_timer_repairs_it()
    {
        await using var context = await PushTestContext.StartAsync();
        // host.json's maxDequeueCount, with the retry wait shortened so the test does not sit out 5 × 5 s.
        var settings = HostQueueSettings.Load() with { VisibilityTimeout = TimeSpan.Zero };
        var app = await context.StartAppAsync(queueSettings: settings);
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        await app.Sync.TryRunAsync(SyncTrigger.Manual);
        context.Dashboard.Faults.FailPatch(order, count: 100, status: 500);

        await PushTestContext.PostWebhookAsync(app, context.ChangeInOdoo(mo, "progress"));
        await Eventually.WaitAsync(() => app.Queue!.Poisoned == 1, "the message in the poison queue", TimeSpan.FromSeconds(30));

        Assert.Equal(settings.MaxDequeueCount, app.Queue!.Failures);
        Assert.Equal(settings.MaxDequeueCount, context.PatchesOf(order));
        var poisoned = Assert.Single((await context.Poison.ReceiveMessagesAsync(10)).Value);
        Assert.Equal(mo, JsonNode.Parse(poisoned.MessageText)!["mo_id"]!.GetValue<long>());
        // The failed PATCH put the index row back, so the index does not claim the dashboard has it.
        Assert.Equal(OrderStatus.Pending, Assert.Single(await app.Index.ForMoAsync(mo, default)).Status);

        context.Dashboard.Faults.Clear();
        await app.Sync.TryRunAsync(SyncTrigger.Timer);
        Assert.Equal(OrderStatus.InProgress, context.StatusOf(order));
    }

    [Fact]
    public async Task A_malformed_queue_message_ends_in_the_poison_queue()
    {
        await using var context = await PushTestContext.StartAsync();
        var app = await context.StartAppAsync(queueSettings: HostQueueSettings.Load() with { VisibilityTimeout = TimeSpan.Zero });
        await context.Queue.CreateIfNotExistsAsync();

        await context.Queue.SendMessageAsync("""{"hello": "world"}""");
        await Eventually.WaitAsync(() => app.Queue!.Poisoned == 1, "the poison queue", TimeSpan.FromSeconds(30));

        Assert.Equal(0, context.Odoo.Calls.Count("mrp.production", "search_read"));
    }
}
