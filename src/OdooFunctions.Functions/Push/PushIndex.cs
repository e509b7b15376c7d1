using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// MO id → the dashboard orders that link it (Table storage, shared by every instance). The processor reads it instead
/// of listing the dashboard per webhook; every full sync rewrites it from the dashboard's list; an MO it does not know
/// refreshes it, at most once per <see cref="PushOptions.IndexRefreshInterval"/> for the whole app (a gate row updated
/// with its ETag).
/// </summary>
public sealed class PushIndex
{
    private const string MetaPartition = "meta";
    private const string RefreshGateRow = "refresh";
    private const int MaxBatch = 100;

    private readonly StorageTable _table;
    private readonly PushOptions _options;
    private readonly TimeProvider _time;

    public PushIndex(TableServiceClient tables, IOptions<PushOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _table = new StorageTable(tables, _options.IndexTable);
        _time = time;
    }

    public string TableName => _table.Name;

    /// <summary>The rows of one MO.</summary>
    public async Task<IReadOnlyList<PushIndexRow>> ForMoAsync(long moId, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var prefix = PushIndexRow.RowPrefix(moId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PushIndexRow.Partition(moId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        return await Guard(async () =>
        {
            var rows = new List<PushIndexRow>();
            await foreach (var row in table.QueryAsync<PushIndexRow>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            return rows;
        });
    }

    /// <summary>Every row (not the gate), by (MO, order).</summary>
    public async Task<Dictionary<(long MoId, string OrderId), PushIndexRow>> AllAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        return await Guard(async () =>
        {
            var rows = new Dictionary<(long, string), PushIndexRow>();
            await foreach (var row in table.QueryAsync<PushIndexRow>($"PartitionKey ne '{MetaPartition}'", cancellationToken: cancellationToken))
            {
                rows[(row.MoId, row.OrderId)] = row;
            }

            return rows;
        });
    }

    /// <summary>
    /// Records, before the PATCH goes out, what the processor is about to send; conditional on the row's ETag, so two
    /// instances cannot both decide for the same order. False when another writer changed the row first.
    /// </summary>
    public async Task<bool> TryRecordSendAsync(PushIndexRow row, string status, double qtyProduced, DateTime? odooWriteDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var table = await _table.GetAsync(cancellationToken);
        var sent = new PushIndexRow
        {
            PartitionKey = row.PartitionKey,
            RowKey = row.RowKey,
            MoId = row.MoId,
            OrderId = row.OrderId,
            Status = status,
            QtyProduced = qtyProduced,
            OdooWriteDate = odooWriteDate,
            Source = PushIndexRow.SourcePush,
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
    public async Task RestoreAsync(PushIndexRow before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        var table = await _table.GetAsync(cancellationToken);
        await Guard(() => table.UpsertEntityAsync(before, TableUpdateMode.Replace, cancellationToken));
    }

    /// <summary>
    /// Makes the index say what <paramref name="orders"/> say, writing only what differs from <paramref name="existing"/>
    /// (read before <paramref name="listedAt"/>'s list was taken, or now when null). A row the processor wrote after
    /// <paramref name="listedAt"/> is newer than the list and is kept.
    /// </summary>
    public async Task<int> RewriteAsync(
        IReadOnlyCollection<IndexedOrder> orders, DateTimeOffset listedAt, Dictionary<(long MoId, string OrderId), PushIndexRow>? existing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        existing ??= await AllAsync(cancellationToken);
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
            if (row is not null && (IsNewerPush(row, listedAt) || (row.Status == order.Status && row.QtyProduced == order.QtyProduced)))
            {
                continue;
            }

            var fresh = PushIndexRow.For(order.MoId, order.OrderId);
            fresh.Status = order.Status;
            fresh.QtyProduced = order.QtyProduced;
            fresh.UpdatedAt = now;
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, fresh));
        }

        foreach (var (key, row) in existing)
        {
            if (!wanted.Contains(key) && !IsNewerPush(row, listedAt))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            }
        }

        var table = await _table.GetAsync(cancellationToken);
        await Parallel.ForEachAsync(
            actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(MaxBatch)),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) => await Guard(() => SubmitAsync(table, batch, ct)));
        return actions.Count;
    }

    /// <summary>
    /// Opens the refresh for the one caller, app-wide, that may list the dashboard now: the gate row is moved on with its
    /// ETag, so of several instances missing an MO only one lists the dashboard, and not again within the interval.
    /// </summary>
    public async Task<RefreshGate> TryOpenRefreshGateAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var gate = new TableEntity(MetaPartition, RefreshGateRow) { ["OpenedAt"] = now };
        return await Guard(async () =>
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, RefreshGateRow, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(gate, cancellationToken);
                    return RefreshGate.Opened;
                }

                var opened = current.Value!.GetDateTimeOffset("OpenedAt");
                if (opened is { } last && now - last < _options.IndexRefreshInterval)
                {
                    return current.Value.GetDateTimeOffset("ClosedAt") is { } closed && closed >= last ? RefreshGate.NotDue : RefreshGate.RunningElsewhere;
                }

                await table.UpdateEntityAsync(gate, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return RefreshGate.Opened;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return RefreshGate.RunningElsewhere;
            }
        });
    }

    /// <summary>Marks the refresh done, so instances that missed an MO meanwhile know the index is as fresh as it gets.</summary>
    public async Task CloseRefreshGateAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var closed = new TableEntity(MetaPartition, RefreshGateRow) { ["ClosedAt"] = _time.GetUtcNow() };
        await Guard(() => table.UpsertEntityAsync(closed, TableUpdateMode.Merge, cancellationToken));
    }

    private static bool IsNewerPush(PushIndexRow row, DateTimeOffset listedAt) =>
        row.Source == PushIndexRow.SourcePush && row.UpdatedAt >= listedAt;

    private static async Task SubmitAsync(TableClient table, TableTransactionAction[] batch, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            // One row changed under us (deleted by another rewrite): apply the rest one by one.
            foreach (var action in batch)
            {
                try
                {
                    if (action.ActionType == TableTransactionActionType.Delete)
                    {
                        await table.DeleteEntityAsync(action.Entity.PartitionKey, action.Entity.RowKey, ETag.All, cancellationToken);
                    }
                    else
                    {
                        await table.UpsertEntityAsync(action.Entity, TableUpdateMode.Replace, cancellationToken);
                    }
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                }
            }
        }
    }

    private async Task Guard(Func<Task> work) => await Guard(async () => { await work(); return true; });

    private async Task<T> Guard<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw new StorageUnavailableException($"Table storage is unavailable: the push index '{TableName}' could not be read or written.", e);
        }
    }
}
