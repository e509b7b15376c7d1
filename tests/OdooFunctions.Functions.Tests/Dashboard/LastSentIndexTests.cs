using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>The index on Azurite: a full rewrite never writes over what the push recorded after the rows were read.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LastSentIndexTests(AzuriteFixture azurite)
{
    private readonly LastSentIndex _index = new(
        azurite.Tables, Options.Create(new DashboardOptions { IndexTable = AzuriteFixture.UniqueTableName("lastsent") }), TimeProvider.System);

    [Fact]
    public async Task A_rewrite_keeps_a_row_the_push_recorded_after_the_rows_were_read()
    {
        await _index.RewriteAsync([new IndexedOrder(7, "ord-1", "planned", 0)], DateTimeOffset.UtcNow, [], CancellationToken.None);
        var existing = await _index.AllAsync(CancellationToken.None);
        var listedAt = DateTimeOffset.UtcNow;

        // The list (taken after the read) differs from the row read, and the push (another instance: its own read of the
        // row) records a newer send meanwhile.
        Assert.True(await _index.TryRecordSendAsync((await _index.RowAsync(7, "ord-1", CancellationToken.None))!, "done", 5, null, CancellationToken.None));
        await _index.RewriteAsync([new IndexedOrder(7, "ord-1", "in_progress", 2)], listedAt, existing, CancellationToken.None);

        var row = await _index.RowAsync(7, "ord-1", CancellationToken.None);
        Assert.Equal(("done", 5.0, LastSentRow.SourcePush), (row!.Status, row.QtyProduced, row.Source));
    }

    [Fact]
    public async Task A_rewrite_keeps_a_row_the_push_recorded_after_the_rows_were_read_even_when_the_list_no_longer_links_it()
    {
        await _index.RewriteAsync([new IndexedOrder(8, "ord-2", "planned", 0)], DateTimeOffset.UtcNow, [], CancellationToken.None);
        var existing = await _index.AllAsync(CancellationToken.None);
        var listedAt = DateTimeOffset.UtcNow;

        Assert.True(await _index.TryRecordSendAsync((await _index.RowAsync(8, "ord-2", CancellationToken.None))!, "done", 10, null, CancellationToken.None));
        await _index.RewriteAsync([], listedAt, existing, CancellationToken.None);

        Assert.Equal("done", (await _index.RowAsync(8, "ord-2", CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task A_rewrite_writes_the_list_over_rows_nobody_changed_and_removes_rows_it_no_longer_links()
    {
        await _index.RewriteAsync(
            [new IndexedOrder(9, "ord-3", "planned", 0), new IndexedOrder(9, "ord-4", "planned", 0)], DateTimeOffset.UtcNow, [], CancellationToken.None);
        var existing = await _index.AllAsync(CancellationToken.None);

        await _index.RewriteAsync([new IndexedOrder(9, "ord-3", "in_progress", 2)], DateTimeOffset.UtcNow, existing, CancellationToken.None);

        var rows = await _index.ForMoAsync(9, CancellationToken.None);
        Assert.Equal([("ord-3", "in_progress", (double?)2)], rows.Select(r => (r.OrderId, r.Status, r.QtyProduced)));
    }
}
