using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// Turns queued webhooks into dashboard PATCHes: one <c>search_read</c> for the MOs of a batch (several messages for
/// one MO count once, the newest payload speaking for them), the commit check, then for each linked order in the
/// <see cref="LastSentIndex"/> a PATCH of <c>{status, qty_produced}</c> only when it differs from what the dashboard last got.
/// The values sent always come from Odoo, never from the payload.
/// </summary>
public sealed partial class MoChangeProcessor
{
    private readonly ManufacturingOrderClient _production;
    private readonly DashboardOrdersClient _dashboard;
    private readonly LastSentIndex _index;
    private readonly IndexRefreshGate _gate;
    private readonly MoChangeQueueClient _queue;
    private readonly PushOptions _options;
    private readonly KeptStatuses _keptStatuses;
    private readonly TimeProvider _time;
    private readonly ILogger<MoChangeProcessor> _logger;

    public MoChangeProcessor(
        ManufacturingOrderClient production, DashboardOrdersClient dashboard, LastSentIndex index, MoChangeQueueClient queue, IOptions<PushOptions> options,
        IOptions<DashboardOptions> dashboardOptions, IndexRefreshGate gate, TimeProvider time, ILogger<MoChangeProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboardOptions);
        _production = production;
        _dashboard = dashboard;
        _index = index;
        _queue = queue;
        _options = options.Value;
        _keptStatuses = dashboardOptions.Value.KeptStatuses;
        _gate = gate;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Processes a batch; one task per MO, so one order's failed PATCH fails only the messages of its MO (the queue
    /// then retries them). A failing Odoo read or index read fails them all.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, Task<MoChangeResult>>> ProcessAsync(IReadOnlyCollection<MoChangeMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var newest = messages
            .GroupBy(m => m.MoId)
            .Select(g => g.OrderByDescending(m => OdooTimestamp.Parse(m.WriteDate) ?? DateTime.MinValue).ThenByDescending(m => m.Attempt).First())
            .ToList();
        var snapshots = await _production.GetProgressAsync([.. newest.Select(m => m.MoId)], cancellationToken);
        var results = new Dictionary<long, Task<MoChangeResult>>();
        var toApply = new List<(MoChangeMessage Change, ManufacturingOrderProgress Mo)>();
        foreach (var change in newest)
        {
            var committed = snapshots.GetValueOrDefault(change.MoId);
            if (!MoChangeFreshness.IsCommitted(change, committed))
            {
                if (change.Attempt < _options.Rechecks)
                {
                    var wait = PushOptions.RecheckDelay(change.Attempt).TotalSeconds;
                    LogRecheck(_logger, change.MoId, change.State, committed?.State, wait);
                    results[change.MoId] = RecheckAsync(change, MoChangeOutcome.Rechecking, cancellationToken);
                    continue;
                }

                if (committed is null)
                {
                    LogLeftToTimer(_logger, change.MoId, _options.Rechecks);
                    results[change.MoId] = Task.FromResult(new MoChangeResult(change.MoId, MoChangeOutcome.LeftToTimer));
                    continue;
                }

                // Odoo's committed values are never wrong to show; a change that is still to come (or was rolled back:
                // 17.0 sends before it knows) is the timer's to find.
                LogShowingCommitted(_logger, change.MoId, change.State, committed.State);
            }

            if (OrderStatus.ForOdooState(committed!.State) is not null)
            {
                toApply.Add((change, committed));
            }
            else
            {
                LogUnknownState(_logger, change.MoId, committed.State);
                results[change.MoId] = Task.FromResult(new MoChangeResult(change.MoId, MoChangeOutcome.UnknownState));
            }
        }

        var rows = await RowsAsync(toApply.Select(a => a.Mo.Id), cancellationToken);
        var missing = toApply.Where(a => rows[a.Mo.Id].Count == 0).ToList();
        if (missing.Count > 0)
        {
            var refresh = await RefreshIndexAsync(cancellationToken);
            if (refresh == IndexRefresh.Done)
            {
                foreach (var (id, found) in await RowsAsync(missing.Select(a => a.Mo.Id), cancellationToken))
                {
                    rows[id] = found;
                }
            }
            else if (refresh == IndexRefresh.RunningElsewhere)
            {
                // Another instance is listing the dashboard right now: look again once it has written the index.
                foreach (var (change, _) in missing.Where(a => a.Change.Attempt < _options.Rechecks))
                {
                    results[change.MoId] = RecheckAsync(change, MoChangeOutcome.Rechecking, cancellationToken);
                    toApply.RemoveAll(a => a.Change.MoId == change.MoId);
                }
            }
        }

        foreach (var (_, mo) in toApply)
        {
            results[mo.Id] = SendAllAsync(mo, rows[mo.Id], cancellationToken);
        }

        return results;
    }

    private async Task<MoChangeResult> RecheckAsync(MoChangeMessage change, MoChangeOutcome outcome, CancellationToken cancellationToken)
    {
        await _queue.SendAsync(change with { Attempt = change.Attempt + 1 }, PushOptions.RecheckDelay(change.Attempt), cancellationToken);
        return new MoChangeResult(change.MoId, outcome);
    }

    private async Task<Dictionary<long, IReadOnlyList<LastSentRow>>> RowsAsync(IEnumerable<long> moIds, CancellationToken cancellationToken)
    {
        var reads = moIds.Distinct().Select(async id => (Id: id, Rows: await _index.ForMoAsync(id, cancellationToken))).ToList();
        return (await Task.WhenAll(reads)).ToDictionary(r => r.Id, r => r.Rows);
    }

    private async Task<MoChangeResult> SendAllAsync(ManufacturingOrderProgress mo, IReadOnlyList<LastSentRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            LogNotLinked(_logger, mo.Id);
            return new MoChangeResult(mo.Id, MoChangeOutcome.NotLinked);
        }

        var patched = 0;
        foreach (var row in rows)
        {
            if (await SendAsync(row, mo, cancellationToken))
            {
                patched++;
            }
        }

        return new MoChangeResult(mo.Id, patched > 0 ? MoChangeOutcome.Patched : MoChangeOutcome.Unchanged, patched);
    }

    /// <summary>
    /// PATCHes one order when the <see cref="OrderReconciler"/> says so (against what the index says it was last sent); the
    /// index row is claimed (ETag) first and put back if the PATCH fails.
    /// </summary>
    private async Task<bool> SendAsync(LastSentRow row, ManufacturingOrderProgress mo, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var reconciled = OrderReconciler.Reconcile(mo, new OrderValues(row.Status, row.QtyProduced, row.OdooWriteDate), _keptStatuses);
            if (!reconciled.Patches)
            {
                return false;
            }

            var (status, qtyProduced) = reconciled.Patch;
            var before = row.Copy();
            if (!await _index.TryRecordSendAsync(row, status, qtyProduced, mo.WriteDate, cancellationToken))
            {
                row = (await _index.ForMoAsync(mo.Id, cancellationToken)).FirstOrDefault(r => r.RowKey == row.RowKey)
                    ?? LastSentRow.For(mo.Id, row.OrderId);
                continue;
            }

            try
            {
                await _dashboard.PatchOrderAsync(row.OrderId, status, qtyProduced, cancellationToken);
            }
            catch
            {
                // Not sent: the index must not claim it was, or the retry of this message would skip the order.
                await _index.RestoreAsync(before, CancellationToken.None);
                throw;
            }

            LogPatched(_logger, row.OrderId, mo.Id, status, qtyProduced);
            return true;
        }

        return false;
    }

    /// <summary>Lists the dashboard and rewrites the index, unless another instance did (or is doing) so within the refresh interval.</summary>
    private async Task<IndexRefresh> RefreshIndexAsync(CancellationToken cancellationToken)
    {
        switch (await _gate.TryOpenAsync(cancellationToken))
        {
            case RefreshGateState.RunningElsewhere:
                return IndexRefresh.RunningElsewhere;
            case RefreshGateState.NotDue:
                return IndexRefresh.NotDue;
        }

        var existing = await _index.AllAsync(cancellationToken);
        var listedAt = _time.GetUtcNow();
        var orders = await _dashboard.GetLinkedOrdersAsync(cancellationToken);
        var written = await _index.RewriteAsync(IndexedOrder.From(orders), listedAt, existing, cancellationToken);
        await _gate.CloseAsync(cancellationToken);
        LogRefreshed(_logger, orders.Count, written);
        return IndexRefresh.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: order {OrderId} (MO {MoId}) patched to {Status}, qty_produced {QtyProduced}")]
    private static partial void LogPatched(ILogger logger, string orderId, long moId, string status, double qtyProduced);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: MO {MoId} not committed yet in Odoo (payload {PayloadState}, Odoo {OdooState}); re-check in {DelaySeconds} s")]
    private static partial void LogRecheck(ILogger logger, long moId, string? payloadState, string? odooState, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: MO {MoId} still not visible in Odoo after {Rechecks} re-checks; left to the timer")]
    private static partial void LogLeftToTimer(ILogger logger, long moId, int rechecks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: MO {MoId}: payload said {PayloadState}, Odoo has committed {OdooState}; showing Odoo's, the timer checks again")]
    private static partial void LogShowingCommitted(ILogger logger, long moId, string? payloadState, string? odooState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: MO {MoId} has state '{State}', which the guide does not map; left alone")]
    private static partial void LogUnknownState(ILogger logger, long moId, string? state);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push: no dashboard order links MO {MoId}")]
    private static partial void LogNotLinked(ILogger logger, long moId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: index refreshed from the dashboard ({Orders} linked orders, {Written} rows written)")]
    private static partial void LogRefreshed(ILogger logger, int orders, int written);

    private enum IndexRefresh
    {
        Done,
        RunningElsewhere,
        NotDue,
    }
}
