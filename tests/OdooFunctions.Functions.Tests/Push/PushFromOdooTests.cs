using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>The whole path with the Odoo double sending its webhooks as the recorded servers do (17.0 and 18.0 before commit, 19.0 after).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PushFromOdooTests
{
    [Theory]
    [MemberData(nameof(OdooVersions.WithWebhooks), MemberType = typeof(OdooVersions))]
    public async Task An_MO_finished_in_Odoo_shows_completed_on_the_dashboard_without_a_sync_run(string version)
    {
        await using var context = await PushTestContext.StartAsync(version);
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        await app.Sync.TryRunAsync(SyncTrigger.Manual);
        context.Odoo.AddWebhookRule(new Uri(app.Http.BaseAddress, "api/odoo/webhooks/mrp-production?code=" + PushTestContext.Secret).AbsoluteUri);
        var odoo = app.Http.Services.GetRequiredService<OdooClient>();
        var runsBefore = context.Dashboard.Requests.Count("GET");

        await odoo.WriteAsync("mrp.production", [mo], new JsonObject { ["qty_producing"] = 5.0 });
        await odoo.CallAsync("mrp.production", "set_qty_producing", [mo]);
        await odoo.CallAsync("mrp.production", "button_mark_done", [mo]);
        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.Completed, "the pushed completed status");

        Assert.Equal(5.0, context.Dashboard.Orders.Get(order)!["qty_produced"]!.GetValue<double>());
        Assert.True(context.Odoo.Webhooks.Count >= 2, $"{context.Odoo.Webhooks.Count} webhooks sent");
        Assert.InRange(context.PatchesOf(order), 1, 2);
        // Push alone: the dashboard was not listed again.
        Assert.Equal(runsBefore, context.Dashboard.Requests.Count("GET"));
        Assert.All(context.Dashboard.Requests.Patches(), patch => Assert.Equal(patch.Body!.Length, patch.ContentLength));
    }

    [Theory]
    [MemberData(nameof(OdooVersions.WithWebhooksBeforeCommit), MemberType = typeof(OdooVersions))]
    public async Task A_webhook_sent_before_its_commit_is_rechecked_and_the_committed_state_is_sent(string version)
    {
        await using var context = await PushTestContext.StartAsync(version);
        var app = await context.StartAppAsync();
        var (mo, order) = context.AddLinkedOrder("confirmed", "pending");
        await app.Sync.TryRunAsync(SyncTrigger.Manual);
        context.Odoo.AddWebhookRule(new Uri(app.Http.BaseAddress, "api/odoo/webhooks/mrp-production?code=" + PushTestContext.Secret).AbsoluteUri);
        // Odoo's RPC takes a while to commit after its POST, so the processor reads the MO before the commit.
        context.Odoo.Options.CommitDelayAfterWebhooks = TimeSpan.FromMilliseconds(1500);
        var odoo = app.Http.Services.GetRequiredService<OdooClient>();

        await odoo.CallAsync("mrp.production", "action_cancel", [mo]);
        await Eventually.WaitAsync(() => context.StatusOf(order) == OrderStatus.Cancelled, "the pushed cancel");

        Assert.Equal(1, context.PatchesOf(order));
        Assert.Contains(app.Http.Logs.GetSnapshot(), l => l.Message.Contains("not committed yet", StringComparison.Ordinal));
    }
}
