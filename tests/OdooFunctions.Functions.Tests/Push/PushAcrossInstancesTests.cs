using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>Two app instances (own containers and memory) on one Azurite, both receiving and processing webhooks.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PushAcrossInstancesTests
{
    [Fact]
    public async Task Webhooks_spread_over_two_instances_patch_every_order_once_per_change()
    {
        await using var context = await PushTestContext.StartAsync();
        var first = await context.StartAppAsync();
        var second = await context.StartAppAsync();
        var orders = Enumerable.Range(0, 20).Select(_ => context.AddLinkedOrder("confirmed", "pending")).ToList();
        await first.Sync.TryRunAsync(SyncTrigger.Manual);

        // Each change is delivered twice, once to each instance (as a retried or duplicated POST would be).
        var posts = orders.Select(o => context.ChangeInOdoo(o.MoId, "progress"))
            .SelectMany(payload => new[] { PushTestContext.PostWebhookAsync(first, payload), PushTestContext.PostWebhookAsync(second, payload) });
        await Task.WhenAll(posts);
        await Eventually.WaitAsync(() => orders.All(o => context.StatusOf(o.OrderId) == OrderStatus.InProgress), "every order in progress");
        await Eventually.WaitAsync(() => first.Queue!.Invocations + second.Queue!.Invocations >= 40, "all 40 messages processed");

        // (Which instance dequeues which copy is the queue's business; on a loaded machine one may take most of them.)
        Assert.All(orders, o => Assert.Equal(1, context.PatchesOf(o.OrderId)));
    }

    [Fact]
    public async Task Two_instances_missing_the_same_MOs_list_the_dashboard_once()
    {
        await using var context = await PushTestContext.StartAsync();
        var first = await context.StartAppAsync();
        var second = await context.StartAppAsync();
        var orders = Enumerable.Range(0, 10).Select(_ => context.AddLinkedOrder("confirmed", "pending")).ToList();
        var listsBefore = context.Dashboard.Requests.Count("GET");

        await Task.WhenAll(orders.Select((o, i) => PushTestContext.PostWebhookAsync(i % 2 == 0 ? first : second, context.ChangeInOdoo(o.MoId, "done", 5))));
        await Eventually.WaitAsync(() => orders.All(o => context.StatusOf(o.OrderId) == OrderStatus.Completed), "every order completed");

        Assert.Equal(listsBefore + 1, context.Dashboard.Requests.Count("GET"));
    }
}
