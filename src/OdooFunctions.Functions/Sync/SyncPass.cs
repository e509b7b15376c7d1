using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// One pass of the sync over every linked order: the dashboard's list → <see cref="SyncPlan.Screen"/> → their MOs from
/// Odoo in batches (one <c>search_read</c> per <see cref="StatusSyncOptions.BatchSize"/> ids) → <see cref="SyncPlan.Compare"/>
/// (the <see cref="OrderReconciler"/>) → PATCH only the orders that differ, a few at a time → the
/// <see cref="LastSentIndex"/> rewritten from the list, so that Odoo's webhooks find their orders without listing the
/// dashboard. Convergent: every pass compares Odoo with the dashboard's current values, so whatever a failed pass left
/// undone, the next one does. An order the push updated during the pass is left to it.
/// </summary>
public sealed partial class SyncPass
{
    private readonly DashboardOrdersClient _dashboard;
    private readonly ManufacturingOrderClient _production;
    private readonly LastSentIndex _index;
    private readonly StatusSyncOptions _options;
    private readonly KeptStatuses _keptStatuses;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncPass> _logger;

    public SyncPass(
        DashboardOrdersClient dashboard, ManufacturingOrderClient production, LastSentIndex index, IOptions<StatusSyncOptions> options,
        IOptions<DashboardOptions> dashboardOptions, TimeProvider time, ILogger<SyncPass> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboardOptions);
        _dashboard = dashboard;
        _production = production;
        _index = index;
        _options = options.Value;
        _keptStatuses = dashboardOptions.Value.KeptStatuses;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs the pass, counting into <paramref name="tally"/>. Throws when the dashboard's list or Odoo's read fails: nothing is patched then.</summary>
    internal async Task RunAsync(SyncTally tally, CancellationToken cancellationToken)
    {
        // Read before the list: a row the push writes after this moment is newer than the list (and kept).
        var index = await TryReadIndexAsync(tally, cancellationToken);
        var listedAt = _time.GetUtcNow();
        var orders = await _dashboard.GetLinkedOrdersAsync(cancellationToken);
        tally.Linked = orders.Count;

        var linked = Screen(orders, tally);
        var mos = await ReadManufacturingOrdersAsync([.. linked.Select(o => o.OdooMoId).Distinct()], tally, cancellationToken);
        tally.Read = mos.Count;
        var changes = Compare(linked, mos, tally);
        tally.Changed = changes.Count;
        var sent = await PatchAsync(changes, listedAt, tally, cancellationToken);

        if (index is not null)
        {
            await RewriteIndexAsync(orders, sent, listedAt, index, tally, cancellationToken);
        }
    }

    /// <summary>The orders whose MOs are to be read; the others counted (and reported) as they are left alone.</summary>
    private List<DashboardOrder> Screen(IReadOnlyList<DashboardOrder> orders, SyncTally tally)
    {
        var linked = new List<DashboardOrder>(orders.Count);
        foreach (var (order, verdict, _, _) in SyncPlan.Screen(orders, _keptStatuses))
        {
            switch (verdict)
            {
                case SyncVerdict.Unreadable:
                    tally.Unreadable++;
                    tally.Error($"Order {SyncTally.Short(order.Id)}: its {order.Unreadable} cannot be read; left alone.");
                    break;
                case SyncVerdict.Kept:
                    // A status a person set on purpose (SYNC_KEEP_STATUSES): Odoo's state does not override it.
                    tally.Kept++;
                    break;
                case SyncVerdict.Linked:
                    linked.Add(order);
                    break;
                case SyncVerdict.NotLinked:
                    tally.Error($"Order {SyncTally.Short(order.Id)}: odoo_mo_id is not a positive id.");
                    break;
            }
        }

        return linked;
    }

    /// <summary>The PATCHes to send; the orders left alone counted (and reported).</summary>
    private List<(DashboardOrder Order, DashboardOrderPatch Patch)> Compare(
        List<DashboardOrder> linked, Dictionary<long, ManufacturingOrderProgress> mos, SyncTally tally)
    {
        var changes = new List<(DashboardOrder Order, DashboardOrderPatch Patch)>();
        foreach (var decision in SyncPlan.Compare(linked, mos))
        {
            var order = decision.Order;
            switch (decision.Verdict)
            {
                case SyncVerdict.MoMissing:
                    tally.Missing++;
                    LogMissing(_logger, order.Id, order.OdooMoId);
                    tally.Error($"Order {SyncTally.Short(order.Id)}: MO {order.OdooMoId} not found in Odoo.");
                    break;
                case SyncVerdict.UnknownState:
                    tally.Error($"Order {SyncTally.Short(order.Id)}: MO {order.OdooMoId} has unknown state '{SyncTally.Short(decision.Mo!.State ?? "null")}'.");
                    break;
                case SyncVerdict.Patch:
                    changes.Add((order, decision.Patch!));
                    break;
            }
        }

        return changes;
    }

    /// <summary>Sends the PATCHes, a few at a time; returns what each order that was patched now holds.</summary>
    private async Task<ConcurrentDictionary<string, DashboardOrderPatch>> PatchAsync(
        List<(DashboardOrder Order, DashboardOrderPatch Patch)> changes, DateTimeOffset listedAt, SyncTally tally, CancellationToken cancellationToken)
    {
        var sent = new ConcurrentDictionary<string, DashboardOrderPatch>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            changes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentPatches), CancellationToken = cancellationToken },
            async (change, ct) =>
            {
                try
                {
                    if (await PushedSinceAsync(change.Order, listedAt, ct))
                    {
                        // The push sent a newer value while this pass was reading: the dashboard has it; do not write it over.
                        tally.AddPatched();
                        return;
                    }

                    await _dashboard.PatchOrderAsync(change.Order.Id, change.Patch.Status, change.Patch.QtyProduced, ct);
                    sent[change.Order.Id] = change.Patch;
                    tally.AddPatched();
                }
                catch (DashboardApiException e)
                {
                    // One order's failure does not stop the others; the next run finds it still different.
                    tally.AddFailed();
                    tally.Error(e.Message);
                    LogPatchFailed(_logger, change.Order.Id, e.Message);
                }
            });
        return sent;
    }

    /// <summary>The index before the pass, or null (the pass goes on without it) when storage cannot give it.</summary>
    private async Task<Dictionary<(long MoId, string OrderId), LastSentRow>?> TryReadIndexAsync(SyncTally tally, CancellationToken cancellationToken)
    {
        try
        {
            return await _index.AllAsync(cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            IndexUnavailable(e, tally);
            return null;
        }
    }

    /// <summary>The index as the pass leaves the dashboard: the list, with what this pass patched in place of what it read.</summary>
    private async Task RewriteIndexAsync(
        IReadOnlyList<DashboardOrder> orders, ConcurrentDictionary<string, DashboardOrderPatch> sent, DateTimeOffset listedAt,
        Dictionary<(long MoId, string OrderId), LastSentRow> index, SyncTally tally, CancellationToken cancellationToken)
    {
        var indexed = IndexedOrder.From(orders)
            .Select(o => sent.TryGetValue(o.OrderId, out var now) ? o with { Status = now.Status, QtyProduced = now.QtyProduced } : o)
            .ToList();
        try
        {
            await _index.RewriteAsync(indexed, listedAt, index, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            IndexUnavailable(e, tally);
        }
    }

    private void IndexUnavailable(StorageUnavailableException e, SyncTally tally)
    {
        tally.Error($"Push index '{_index.TableName}' unavailable: not rewritten by this run.");
        LogIndexFailed(_logger, e, _index.TableName);
    }

    private async Task<bool> PushedSinceAsync(DashboardOrder order, DateTimeOffset listedAt, CancellationToken cancellationToken)
    {
        try
        {
            var row = await _index.RowAsync(order.OdooMoId, order.Id, cancellationToken);
            return row is not null && row.IsPushedSince(listedAt);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    private async Task<Dictionary<long, ManufacturingOrderProgress>> ReadManufacturingOrdersAsync(long[] ids, SyncTally tally, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, _options.BatchSize);
        var found = new Dictionary<long, ManufacturingOrderProgress>(ids.Length);
        foreach (var batch in ids.Chunk(batchSize))
        {
            tally.OdooCalls++;
            foreach (var (id, mo) in await _production.GetProgressAsync(batch, cancellationToken))
            {
                found[id] = mo;
            }
        }

        return found;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: order {OrderId} links MO {MoId}, which does not exist in Odoo")]
    private static partial void LogMissing(ILogger logger, string orderId, long moId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: PATCH of order {OrderId} failed: {Reason}")]
    private static partial void LogPatchFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: push index {Table} unavailable")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string table);
}
