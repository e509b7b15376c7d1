using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// Turns a batch of queued webhooks into sends: one <c>search_read</c> for the MOs of the batch (several messages for
/// one MO count once, the newest payload speaking for them), the commit check (a change Odoo has not committed yet goes
/// back on the queue with a delay), the linked orders from the <see cref="LastSentIndex"/> (refreshed once when it does
/// not know an MO), then the <see cref="OrderSender"/> per MO. The values sent always come from Odoo, never from the payload.
/// </summary>
public sealed partial class MoChangeProcessor
{
    private readonly ManufacturingOrderClient _production;
    private readonly LastSentIndex _index;
    private readonly IndexRefresh _refresh;
    private readonly OrderSender _sender;
    private readonly MoChangeQueueClient _queue;
    private readonly PushOptions _options;
    private readonly ILogger<MoChangeProcessor> _logger;

    public MoChangeProcessor(
        ManufacturingOrderClient production, LastSentIndex index, IndexRefresh refresh, OrderSender sender, MoChangeQueueClient queue,
        IOptions<PushOptions> options, ILogger<MoChangeProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _production = production;
        _index = index;
        _refresh = refresh;
        _sender = sender;
        _queue = queue;
        _options = options.Value;
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
        var toSend = new List<(MoChangeMessage Change, ManufacturingOrderProgress Mo)>();
        foreach (var change in newest)
        {
            var committed = snapshots.GetValueOrDefault(change.MoId);
            if (Settle(change, committed, cancellationToken) is { } settled)
            {
                results[change.MoId] = settled;
            }
            else
            {
                toSend.Add((change, committed!));
            }
        }

        var rows = await RowsAsync(toSend, results, cancellationToken);
        foreach (var (_, mo) in toSend)
        {
            results[mo.Id] = _sender.SendAsync(mo, rows[mo.Id], cancellationToken);
        }

        return results;
    }

    /// <summary>
    /// The result of a change that is not to be sent now: not committed yet (re-checked later, or left to the timer after
    /// the last re-check when Odoo has no such MO), or in a state the guide does not map. Null when its MO is to be sent.
    /// </summary>
    private Task<MoChangeResult>? Settle(MoChangeMessage change, ManufacturingOrderProgress? committed, CancellationToken cancellationToken)
    {
        if (!MoChangeFreshness.IsCommitted(change, committed))
        {
            if (change.Attempt < _options.Rechecks)
            {
                var wait = PushOptions.RecheckDelay(change.Attempt).TotalSeconds;
                LogRecheck(_logger, change.MoId, change.State, committed?.State, wait);
                return RecheckAsync(change, cancellationToken);
            }

            if (committed is null)
            {
                LogLeftToTimer(_logger, change.MoId, _options.Rechecks);
                return Task.FromResult(new MoChangeResult(change.MoId, MoChangeOutcome.LeftToTimer));
            }

            // Odoo's committed values are never wrong to show; a change that is still to come (or was rolled back:
            // 17.0 sends before it knows) is the timer's to find.
            LogShowingCommitted(_logger, change.MoId, change.State, committed.State);
        }

        if (OrderStatus.ForOdooState(committed!.State) is null)
        {
            LogUnknownState(_logger, change.MoId, committed.State);
            return Task.FromResult(new MoChangeResult(change.MoId, MoChangeOutcome.UnknownState));
        }

        return null;
    }

    /// <summary>
    /// The index rows of each MO to send. An MO the index does not know refreshes it (once, app-wide); when another
    /// instance is refreshing it right now, the change is re-checked once that instance has written it (and taken out of
    /// <paramref name="toSend"/>).
    /// </summary>
    private async Task<Dictionary<long, IReadOnlyList<LastSentRow>>> RowsAsync(
        List<(MoChangeMessage Change, ManufacturingOrderProgress Mo)> toSend, Dictionary<long, Task<MoChangeResult>> results, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(toSend.Select(a => a.Mo.Id), cancellationToken);
        var missing = toSend.Where(a => rows[a.Mo.Id].Count == 0).ToList();
        if (missing.Count == 0)
        {
            return rows;
        }

        switch (await _refresh.TryRefreshAsync(cancellationToken))
        {
            // NotDue: another instance refreshed within the interval, possibly after the read above; read what it wrote.
            case RefreshGateState.Opened or RefreshGateState.NotDue:
                foreach (var (id, found) in await RowsAsync(missing.Select(a => a.Mo.Id), cancellationToken))
                {
                    rows[id] = found;
                }

                break;
            case RefreshGateState.RunningElsewhere:
                foreach (var (change, _) in missing.Where(a => a.Change.Attempt < _options.Rechecks))
                {
                    results[change.MoId] = RecheckAsync(change, cancellationToken);
                    toSend.RemoveAll(a => a.Change.MoId == change.MoId);
                }

                break;
        }

        return rows;
    }

    private async Task<Dictionary<long, IReadOnlyList<LastSentRow>>> RowsAsync(IEnumerable<long> moIds, CancellationToken cancellationToken)
    {
        var reads = moIds.Distinct().Select(async id => (Id: id, Rows: await _index.ForMoAsync(id, cancellationToken))).ToList();
        return (await Task.WhenAll(reads)).ToDictionary(r => r.Id, r => r.Rows);
    }

    private async Task<MoChangeResult> RecheckAsync(MoChangeMessage change, CancellationToken cancellationToken)
    {
        await _queue.SendAsync(change with { Attempt = change.Attempt + 1 }, PushOptions.RecheckDelay(change.Attempt), cancellationToken);
        return new MoChangeResult(change.MoId, MoChangeOutcome.Rechecking);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: MO {MoId} not committed yet in Odoo (payload {PayloadState}, Odoo {OdooState}); re-check in {DelaySeconds} s")]
    private static partial void LogRecheck(ILogger logger, long moId, string? payloadState, string? odooState, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: MO {MoId} still not visible in Odoo after {Rechecks} re-checks; left to the timer")]
    private static partial void LogLeftToTimer(ILogger logger, long moId, int rechecks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: MO {MoId}: payload said {PayloadState}, Odoo has committed {OdooState}; showing Odoo's, the timer checks again")]
    private static partial void LogShowingCommitted(ILogger logger, long moId, string? payloadState, string? odooState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push: MO {MoId} has state '{State}', which the guide does not map; left alone")]
    private static partial void LogUnknownState(ILogger logger, long moId, string? state);
}
