using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// Who may list the dashboard to refresh the <see cref="LastSentIndex"/>, app-wide: a row (partition <c>meta</c>, row
/// <c>refresh</c>) in the index's table, moved on only with its ETag, so of several instances missing an MO only one
/// lists the dashboard, and not again within <see cref="DashboardOptions.IndexRefreshInterval"/>. Process memory cannot
/// do this: many instances run at once.
/// </summary>
public sealed class IndexRefreshGate
{
    /// <summary>The index's partition that holds no order (the index leaves it out of its reads).</summary>
    internal const string Partition = "meta";
    private const string Row = "refresh";

    private readonly StorageTable _table;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;

    public IndexRefreshGate(TableServiceClient tables, IOptions<DashboardOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new StorageTable(tables, options.Value.IndexTable);
        _interval = options.Value.IndexRefreshInterval;
        _time = time;
    }

    /// <summary>
    /// Opens the refresh for the one caller, app-wide, that may list the dashboard now: the gate row is moved on with its
    /// ETag, so of several instances missing an MO only one lists the dashboard, and not again within the interval.
    /// </summary>
    public async Task<RefreshGateState> TryOpenAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var gate = new TableEntity(Partition, Row) { ["OpenedAt"] = now };
        return await LastSentIndex.Guard(_table.Name, async () =>
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(gate, cancellationToken);
                    return RefreshGateState.Opened;
                }

                var opened = current.Value!.GetDateTimeOffset("OpenedAt");
                if (opened is { } last && now - last < _interval)
                {
                    return current.Value.GetDateTimeOffset("ClosedAt") is { } closed && closed >= last ? RefreshGateState.NotDue : RefreshGateState.RunningElsewhere;
                }

                await table.UpdateEntityAsync(gate, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return RefreshGateState.Opened;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return RefreshGateState.RunningElsewhere;
            }
        });
    }

    /// <summary>Marks the refresh done, so instances that missed an MO meanwhile know the index is as fresh as it gets.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var closed = new TableEntity(Partition, Row) { ["ClosedAt"] = _time.GetUtcNow() };
        await LastSentIndex.Guard(_table.Name, () => table.UpsertEntityAsync(closed, TableUpdateMode.Merge, cancellationToken));
    }
}
