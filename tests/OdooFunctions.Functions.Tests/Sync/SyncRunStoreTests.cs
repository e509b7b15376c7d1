using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Tests.Sync;

[Collection(AzuriteGroup.Name)]
public sealed class SyncRunStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.UniqueTableName("syncrunstore");

    private SyncRunStore NewStore() =>
        new(azurite.Tables, Options.Create(new StatusSyncOptions { RunsTable = _table }));

    private static SyncRun Run(DateTimeOffset started, string trigger = SyncTrigger.Timer) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Trigger = trigger,
        Outcome = SyncOutcome.Partial,
        StartedAt = started,
        FinishedAt = started.AddMilliseconds(1234),
        DurationMs = 1234,
        Linked = 1200,
        Read = 1199,
        Changed = 12,
        Patched = 11,
        Failed = 1,
        Missing = 1,
        OdooCalls = 3,
        Errors = ["Order 65a1: MO 987654 not found in Odoo.", "Dashboard API: PATCH order 65a2 answered HTTP 500."],
    };

    [Fact]
    public async Task Reads_back_a_written_run_with_every_field()
    {
        var run = Run(new DateTimeOffset(2025, 11, 6, 9, 0, 0, TimeSpan.Zero), SyncTrigger.Manual);
        await NewStore().AddAsync(run);

        var read = Assert.Single(await NewStore().LatestAsync(5));

        Assert.Equal(run with { Errors = [] }, read with { Errors = [] });
        Assert.Equal(run.Errors, read.Errors);
    }

    [Fact]
    public async Task Answers_the_latest_runs_newest_first_up_to_the_limit()
    {
        var store = NewStore();
        var start = new DateTimeOffset(2025, 11, 6, 9, 0, 0, TimeSpan.Zero);
        var runs = Enumerable.Range(0, 5).Select(i => Run(start.AddMinutes(5 * i))).ToList();
        // Written out of order: the order comes from the start times, not from the writes.
        foreach (var run in new[] { runs[2], runs[0], runs[4], runs[1], runs[3] })
        {
            await store.AddAsync(run);
        }

        var latest = await store.LatestAsync(3);

        Assert.Equal([runs[4].Id, runs[3].Id, runs[2].Id], latest.Select(r => r.Id));
    }

    [Fact]
    public async Task Answers_no_runs_before_the_first()
    {
        Assert.Empty(await NewStore().LatestAsync(20));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await azurite.Tables.DeleteTableAsync(_table);
}
