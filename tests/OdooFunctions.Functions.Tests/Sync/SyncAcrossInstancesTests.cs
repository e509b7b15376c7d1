using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary>
/// Two app containers (two instances: own DI container, own memory) on one Azurite, one Odoo and one dashboard: sync
/// runs never overlap across them, whichever trigger starts them, because the lease lives in storage.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SyncAcrossInstancesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.UniqueTableName("syncrunslease");
    private OdooDoubleServer _odoo = null!;
    private DashboardDoubleServer _dashboard = null!;

    public async Task InitializeAsync()
    {
        _odoo = await OdooDoubleServer.StartAsync();
        _dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = "dash-" + Guid.NewGuid().ToString("N") });
        var productId = _odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        _dashboard.Orders.Add(_odoo.Store.AddManufacturingOrder(productId, 3, "done"), "in_progress");
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _odoo.DisposeAsync();
        await azurite.Tables.DeleteTableAsync(_table);
    }

    private Task<FunctionsTestHost> StartInstanceAsync(string leaseSeconds = "60") =>
        FunctionsTestHost.StartAsync(TestSettings.For(_odoo).WithDashboard(_dashboard)
            .With("SYNC_RUNS_TABLE", _table)
            .With("SYNC_LEASE_SECONDS", leaseSeconds)
            .Build());

    private static Task<HttpResponseMessage> RunAsync(FunctionsTestHost app) =>
        OdooAppFixture.Send(app.Client, HttpMethod.Post, "api/sync/run", null, TestTokens.Create(roles: ["Admin"]));

    [Fact]
    public async Task Manual_runs_started_at_once_on_two_instances_never_overlap_one_answers_409()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        // Each run's Odoo read takes a while, so that the two really overlap in time.
        _odoo.Latency = TimeSpan.FromMilliseconds(1500);

        var answers = await Task.WhenAll(RunAsync(first), RunAsync(second));
        try
        {
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal(1, _odoo.Calls.Count("mrp.production", "search_read"));
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }

        // Given back at the end: the next run, on either instance, starts at once.
        _odoo.Latency = TimeSpan.Zero;
        using var next = await RunAsync(second);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_timer_run_on_one_instance_is_skipped_while_a_manual_run_holds_the_lease_on_another()
    {
        await using var first = await StartInstanceAsync();
        await using var second = await StartInstanceAsync();
        _odoo.Latency = TimeSpan.FromMilliseconds(1500);

        var manual = RunAsync(first);
        await WaitForLeaseAsync();
        var timer = await second.Services.GetRequiredService<StatusSync>().TryRunAsync(SyncTrigger.Timer);

        Assert.Null(timer);
        using var answer = await manual;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task The_lease_is_renewed_while_a_run_lasts_longer_than_the_lease()
    {
        await using var first = await StartInstanceAsync(leaseSeconds: "1");
        await using var second = await StartInstanceAsync(leaseSeconds: "1");
        // The run lasts 2.5 s; a 1 s lease that were not renewed would have expired twice by the second attempt.
        _odoo.Latency = TimeSpan.FromMilliseconds(2500);

        var long_ = RunAsync(first);
        await WaitForLeaseAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(1800));
        using var meanwhile = await RunAsync(second);

        Assert.Equal(HttpStatusCode.Conflict, meanwhile.StatusCode);
        using var done = await long_;
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    [Fact]
    public async Task A_lease_left_by_a_crashed_run_expires_by_itself_and_the_next_run_goes_ahead()
    {
        await using var app = await StartInstanceAsync();
        // What an instance that died mid-run leaves behind: a lease nobody renews or gives back.
        var table = azurite.Tables.GetTableClient(_table);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity(SyncLease.PartitionKey, SyncLease.RowKey)
        {
            [SyncLease.OwnerProperty] = "crashed-instance",
            [SyncLease.ExpiresAtProperty] = DateTimeOffset.UtcNow.AddSeconds(2),
        });

        using (var blocked = await RunAsync(app))
        {
            Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(2500));
        using var after = await RunAsync(app);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(SyncLease.PartitionKey, SyncLease.RowKey)).HasValue);
    }

    private async Task WaitForLeaseAsync()
    {
        var table = azurite.Tables.GetTableClient(_table);
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if ((await table.GetEntityIfExistsAsync<TableEntity>(SyncLease.PartitionKey, SyncLease.RowKey)).HasValue)
                {
                    return;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The table does not exist yet.
            }

            await Task.Delay(20);
        }

        Assert.Fail("The run never took the lease.");
    }
}
