using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// MO id → the dashboard orders that link it, with the status and quantity each was last sent (Table storage
/// <c>PUSH_INDEX_TABLE</c>, shared by every instance). The push reads it instead of listing the dashboard per webhook and
/// claims a row (on its ETag) before it sends; every full sync rewrites it from the dashboard's list. An MO it does not
/// know refreshes it, at most once per <see cref="DashboardOptions.IndexRefreshInterval"/> for the whole app
/// (<see cref="IndexRefreshGate"/>, a row of the same table).
/// </summary>
public sealed class LastSentIndex
{
    private const int MaxBatch = 100;

    private readonly StorageTable _table;
    private readonly TimeProvider _time;

    public LastSentIndex(TableServiceClient tables, IOptions<DashboardOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new StorageTable(tables, options.Value.IndexTable);
        _time = time;
    }

    public string TableName => _table.Name;

    /// <summary>The rows of one MO.</summary>
    public async Task<IReadOnlyList<LastSentRow>> ForMoAsync(long moId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var prefix = LastSentRow.RowPrefix(moId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LastSentRow.Partition(moId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        return await Guard(async () =>
        {
            var rows = new List<LastSentRow>();
            await foreach (var row in table.QueryAsync<LastSentRow>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        });
    }

    /// <summary>The row of one order of an MO (a point read by its keys), or null when the index has none.</summary>
    public async Task<LastSentRow?> RowAsync(long moId, string orderId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var key = LastSentRow.For(moId, orderId);
        return await Guard(async () =>
        {
            var row = await table.GetEntityIfExistsAsync<LastSentRow>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
            return row.HasValue ? row.Value : null;
        });
    }

    /// <summary>Every row (not the gate), by (MO, order).</summary>
    public async Task<Dictionary<(long MoId, string OrderId), LastSentRow>> AllAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return await Guard(async () =>
        {
            var rows = new Dictionary<(long, string), LastSentRow>();
            await foreach (var row in table.QueryAsync<LastSentRow>($"PartitionKey ne '{IndexRefreshGate.Partition}'", cancellationToken: cancellationToken))
            {
                rows[(row.MoId, row.OrderId)] = row;
            }

            return rows;
        });
    }

    /// <summary>
    /// Records, before the PATCH goes out, what the push is about to send; conditional on the row's ETag, so two
    /// instances cannot both decide for the same order. False when another writer changed the row first.
    /// </summary>
    public async Task<bool> TryRecordSendAsync(LastSentRow row, string status, double qtyProduced, DateTime? odooWriteDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await _table.GetAsync(cancellationToken);
        var sent = new LastSentRow
        {
            PartitionKey = row.PartitionKey,
            RowKey = row.RowKey,
            MoId = row.MoId,
            OrderId = row.OrderId,
            Status = status,
            QtyProduced = qtyProduced,
            OdooWriteDate = odooWriteDate,
            Source = LastSentRow.SourcePush,
            UpdatedAt = _time.GetUtcNow(),
        };
        try
        {
            var response = await table.UpdateEntityAsync(sent, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = response.Headers.ETag ?? row.ETag;
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw new StorageUnavailableException($"Table storage is unavailable: the push index '{TableName}' could not be updated.", e);
        }
    }

    /// <summary>Puts back the values a row had before a send that failed (best effort: the timer repairs the rest).</summary>
    public async Task RestoreAsync(LastSentRow before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        var table = await _table.GetAsync(cancellationToken);
        await Guard(() => table.UpsertEntityAsync(before, TableUpdateMode.Replace, cancellationToken));
    }

    /// <summary>
    /// Makes the index say what <paramref name="orders"/> say, writing only what differs from <paramref name="existing"/>
    /// (<see cref="AllAsync"/>, read before <paramref name="listedAt"/>'s list was taken). A row the push wrote after
    /// <paramref name="listedAt"/> is newer than the list and is kept; so is one changed since it was read: every write
    /// is conditional on the ETag read.
    /// </summary>
    public async Task<int> RewriteAsync(
        IReadOnlyCollection<IndexedOrder> orders, DateTimeOffset listedAt, Dictionary<(long MoId, string OrderId), LastSentRow> existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(existing);
        var now = _time.GetUtcNow();
        var actions = new List<TableTransactionAction>();
        var wanted = new HashSet<(long, string)>();
        foreach (var order in orders)
        {
            if (!wanted.Add((order.MoId, order.OrderId)))
            {
                continue;
            }

            existing.TryGetValue((order.MoId, order.OrderId), out var row);
            if (row is not null && (row.IsPushedSince(listedAt) || (row.Status == order.Status && row.QtyProduced == order.QtyProduced)))
            {
                continue;
            }

            var fresh = LastSentRow.For(order.MoId, order.OrderId);
            fresh.Status = order.Status;
            fresh.QtyProduced = order.QtyProduced;
            fresh.UpdatedAt = now;
            actions.Add(row is null
                ? new TableTransactionAction(TableTransactionActionType.Add, fresh)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, fresh, row.ETag));
        }

        foreach (var (key, row) in existing)
        {
            if (!wanted.Contains(key) && !row.IsPushedSince(listedAt))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag));
            }
        }

        var table = await _table.GetAsync(cancellationToken);
        await Parallel.ForEachAsync(
            actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(MaxBatch)),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) => await Guard(() => SubmitAsync(table, batch, ct)));
        return actions.Count;
    }

    private static async Task SubmitAsync(TableClient table, TableTransactionAction[] batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            // A row changed since it was read (the push recorded a send, or another rewrite ran): that row is newer than
            // the list and stays as it is; the rest is applied one by one.
            foreach (var action in batch)
            {
                try
                {
                    await (action.ActionType switch
                    {
                        TableTransactionActionType.Delete => table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, action.ETag, cancellationToken),
                        TableTransactionActionType.Add => table.AddEntityAsync(action.Entity, cancellationToken),
                        _ => table.UpdateEntityAsync(action.Entity, action.ETag, TableUpdateMode.Replace, cancellationToken),
                    });
                }
                catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
                {
                }
            }
        }
    }

    private Task Guard(Func<Task> work) => Guard(TableName, work);

    private Task<T> Guard<T>(Func<Task<T>> work) => Guard(TableName, work);

    /// <summary>A storage failure of the index's table (its rows or its gate) as <see cref="StorageUnavailableException"/>.</summary>
    internal static async Task Guard(string table, Func<Task> work) => await Guard(table, async () => { await work(); return true; });

    internal static async Task<T> Guard<T>(string table, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw new StorageUnavailableException($"Table storage is unavailable: the push index '{table}' could not be read or written.", e);
        }
    }
}
