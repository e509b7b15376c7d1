using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Telemetry;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// One sync run: the dashboard's linked orders → their MOs from Odoo in batches (one <c>search_read</c> per
/// <see cref="StatusSyncOptions.BatchSize"/> ids) → mapped state → PATCH only the orders that differ, a few at
/// a time → a <see cref="SyncRun"/> record in Table storage. Convergent: every run compares Odoo with the
/// dashboard's current values, so whatever a failed run left undone, the next one does.
/// Runs never overlap anywhere: a run holds the <see cref="SyncLease"/> (a row in storage, shared by every instance)
/// for as long as it lasts, whether the timer or <c>POST /api/sync/run</c> started it; an in-process flag first spares
/// a storage round trip when this instance is already running one.
/// Each run also rewrites the <see cref="LastSentIndex"/> (MO → orders) from the dashboard's list, so that Odoo's webhooks
/// find their orders without listing the dashboard; an order the webhook path updated during the run is left to it.
/// </summary>
public partial class StatusSync
{
    internal const string Model = "mrp.production";

    private readonly DashboardOrdersClient _dashboard;
    private readonly ManufacturingOrderClient _production;
    private readonly SyncRunStore _store;
    private readonly SyncLease _lease;
    private readonly LastSentIndex _index;
    private readonly StatusSyncOptions _options;
    private readonly KeptStatuses _keptStatuses;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusSync> _logger;
    private int _running;

    public StatusSync(
        DashboardOrdersClient dashboard, ManufacturingOrderClient production, SyncRunStore store, SyncLease lease, LastSentIndex index, IOptions<StatusSyncOptions> options,
        IOptions<DashboardOptions> dashboardOptions, ILogger<StatusSync> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboardOptions);
        _dashboard = dashboard;
        _production = production;
        _store = store;
        _lease = lease;
        _index = index;
        _options = options.Value;
        _keptStatuses = dashboardOptions.Value.KeptStatuses;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True while a run is in progress in this instance.</summary>
    public bool IsRunning => Volatile.Read(ref _running) == 1;

    /// <summary>
    /// Runs once and records the run; null, without running, when a run is already in progress in any instance.
    /// Never throws for a failing dashboard, Odoo or run store: the failure is in the record (and the log). Throws
    /// <see cref="Storage.StorageUnavailableException"/> when storage cannot say whether another run holds the lease.
    /// </summary>
    public async Task<SyncRun?> TryRunAsync(string trigger, CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            LogSkipped(_logger, trigger);
            AppTelemetry.SyncRunSkipped(trigger);
            return null;
        }

        try
        {
            await using var lease = await _lease.TryAcquireAsync(cancellationToken);
            if (lease is null)
            {
                LogSkipped(_logger, trigger);
                AppTelemetry.SyncRunSkipped(trigger);
                return null;
            }

            // A lost lease (another instance took it over) stops this run: two runs must never patch at once.
            using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            var run = await RunAsync(trigger, held.Token);
            try
            {
                await _store.AddAsync(run, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The run itself is done; losing its record must not turn it into a failure.
                LogStoreFailed(_logger, e, run.Id, _store.TableName);
            }

            return run;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<SyncRun> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var started = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var tally = new Tally(_options.MaxRecordedErrors);
        var outcome = SyncOutcome.Succeeded;
        string? failure = null;
        // The run's span: the Odoo and dashboard calls below are its children.
        var activity = AppTelemetry.StartSyncRun(trigger);
        LogStarted(_logger, id, trigger);
        try
        {
            await SyncAsync(tally, cancellationToken);
            if (tally.Failed > 0 || tally.Missing > 0 || tally.Unreadable > 0 || tally.ErrorCount > 0)
            {
                outcome = SyncOutcome.Partial;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = SyncOutcome.Failed;
            failure = e switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => SyncFailure.Cancelled,
                OdooTimeoutException => SyncFailure.Timeout,
                DashboardApiException { InnerException: TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException } => SyncFailure.Timeout,
                DashboardApiException => SyncFailure.Dashboard,
                OdooException => SyncFailure.Odoo,
                SecretUnavailableException => SyncFailure.Secret,
                _ => SyncFailure.Unexpected,
            };
            var message = e switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => "Run cancelled (host shutting down or request aborted).",
                DashboardApiException => e.Message,
                OdooException => "Odoo: " + Short(e.Message),
                SecretUnavailableException => "Dashboard API token unavailable: " + Short(e.Message),
                _ => $"Unexpected {e.GetType().Name}.",
            };
            tally.Error(message);
            LogRunFailed(_logger, e, id, message);
        }

        var run = new SyncRun
        {
            Id = id,
            Trigger = trigger,
            Outcome = outcome,
            Failure = failure,
            StartedAt = started,
            FinishedAt = started + clock.Elapsed,
            DurationMs = clock.ElapsedMilliseconds,
            Linked = tally.Linked,
            Read = tally.Read,
            Changed = tally.Changed,
            Patched = tally.Patched,
            Failed = tally.Failed,
            Missing = tally.Missing,
            Unreadable = tally.Unreadable,
            Kept = tally.Kept,
            OdooCalls = tally.OdooCalls,
            Errors = tally.Errors(),
        };
        LogFinished(_logger, id, outcome, run.Linked, run.Read, run.Changed, run.Patched, run.Failed, run.Missing, run.OdooCalls, run.DurationMs);
        AppTelemetry.EndSyncRun(activity, run);
        return run;
    }

    private async Task SyncAsync(Tally tally, CancellationToken cancellationToken)
    {
        // Read before the list: a row the webhook path writes after this moment is newer than the list (and kept).
        var index = await TryReadIndexAsync(tally, cancellationToken);
        var listedAt = _time.GetUtcNow();
        var orders = await _dashboard.GetLinkedOrdersAsync(cancellationToken);
        tally.Linked = orders.Count;

        var linked = new List<DashboardOrder>(orders.Count);
        foreach (var (order, verdict, _, _) in SyncPlan.Screen(orders, _keptStatuses))
        {
            switch (verdict)
            {
                case SyncVerdict.Unreadable:
                    tally.Unreadable++;
                    tally.Error($"Order {Short(order.Id)}: its {order.Unreadable} cannot be read; left alone.");
                    break;
                case SyncVerdict.Kept:
                    // A status a person set on purpose (SYNC_KEEP_STATUSES): Odoo's state does not override it.
                    tally.Kept++;
                    break;
                case SyncVerdict.Linked:
                    linked.Add(order);
                    break;
                case SyncVerdict.NotLinked:
                    tally.Error($"Order {Short(order.Id)}: odoo_mo_id is not a positive id.");
                    break;
            }
        }

        var mos = await ReadManufacturingOrdersAsync([.. linked.Select(o => o.OdooMoId).Distinct()], tally, cancellationToken);
        tally.Read = mos.Count;

        var changes = new List<(DashboardOrder Order, string Status, double Qty)>();
        foreach (var decision in SyncPlan.Compare(linked, mos))
        {
            var order = decision.Order;
            switch (decision.Verdict)
            {
                case SyncVerdict.MoMissing:
                    tally.Missing++;
                    LogMissing(_logger, order.Id, order.OdooMoId);
                    tally.Error($"Order {Short(order.Id)}: MO {order.OdooMoId} not found in Odoo.");
                    break;
                case SyncVerdict.UnknownState:
                    tally.Error($"Order {Short(order.Id)}: MO {order.OdooMoId} has unknown state '{Short(decision.Mo!.State ?? "null")}'.");
                    break;
                case SyncVerdict.Patch:
                    changes.Add((order, decision.Status!, decision.QtyProduced));
                    break;
            }
        }

        tally.Changed = changes.Count;
        var sent = new ConcurrentDictionary<string, (string Status, double Qty)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            changes,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxConcurrentPatches), CancellationToken = cancellationToken },
            async (change, ct) =>
            {
                try
                {
                    if (await PushedSinceAsync(change.Order, listedAt, ct))
                    {
                        // The webhook path sent a newer value while this run was reading: the dashboard has it; do not write it over.
                        tally.AddPatched();
                        return;
                    }

                    await _dashboard.PatchOrderAsync(change.Order.Id, change.Status, change.Qty, ct);
                    sent[change.Order.Id] = (change.Status, change.Qty);
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

        if (index is not null)
        {
            await RewriteIndexAsync(orders, sent, listedAt, index, tally, cancellationToken);
        }
    }

    /// <summary>The index before the run, or null (the run goes on without it) when storage cannot give it.</summary>
    private async Task<Dictionary<(long MoId, string OrderId), LastSentRow>?> TryReadIndexAsync(Tally tally, CancellationToken cancellationToken)
    {
        try
        {
            return await _index.AllAsync(cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            tally.Error($"Push index '{_index.TableName}' unavailable: not rewritten by this run.");
            LogIndexFailed(_logger, e, _index.TableName);
            return null;
        }
    }

    private async Task RewriteIndexAsync(
        IReadOnlyList<DashboardOrder> orders, ConcurrentDictionary<string, (string Status, double Qty)> sent, DateTimeOffset listedAt,
        Dictionary<(long MoId, string OrderId), LastSentRow> index, Tally tally, CancellationToken cancellationToken)
    {
        var indexed = IndexedOrder.From(orders)
            .Select(o => sent.TryGetValue(o.OrderId, out var now) ? o with { Status = now.Status, QtyProduced = now.Qty } : o)
            .ToList();
        try
        {
            await _index.RewriteAsync(indexed, listedAt, index, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            tally.Error($"Push index '{_index.TableName}' unavailable: not rewritten by this run.");
            LogIndexFailed(_logger, e, _index.TableName);
        }
    }

    private async Task<bool> PushedSinceAsync(DashboardOrder order, DateTimeOffset listedAt, CancellationToken cancellationToken)
    {
        try
        {
            var row = (await _index.ForMoAsync(order.OdooMoId, cancellationToken)).FirstOrDefault(r => r.OrderId == order.Id);
            return row is not null && row.IsPushedSince(listedAt);
        }
        catch (StorageUnavailableException)
        {
            return false;
        }
    }

    private async Task<Dictionary<long, ManufacturingOrderProgress>> ReadManufacturingOrdersAsync(long[] ids, Tally tally, CancellationToken cancellationToken)
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

    private static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";

    /// <summary>Counts shared by the concurrent PATCHes.</summary>
    private sealed class Tally(int maxErrors)
    {
        private readonly ConcurrentQueue<string> _errors = new();
        private int _errorCount;
        private int _patched;
        private int _failed;

        public int Linked { get; set; }
        public int Read { get; set; }
        public int Changed { get; set; }
        public int Missing { get; set; }
        public int Unreadable { get; set; }
        public int Kept { get; set; }
        public int OdooCalls { get; set; }
        public int Patched => Volatile.Read(ref _patched);
        public int Failed => Volatile.Read(ref _failed);
        public int ErrorCount => Volatile.Read(ref _errorCount);

        public void AddPatched() => Interlocked.Increment(ref _patched);

        public void AddFailed() => Interlocked.Increment(ref _failed);

        public void Error(string message)
        {
            if (Interlocked.Increment(ref _errorCount) <= maxErrors)
            {
                _errors.Enqueue(message);
            }
        }

        public List<string> Errors()
        {
            var errors = _errors.ToList();
            if (ErrorCount > maxErrors)
            {
                errors.Add($"... and {ErrorCount - maxErrors} more (see the log).");
            }

            return errors;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status sync {RunId} started ({Trigger})")]
    private static partial void LogStarted(ILogger logger, string runId, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status sync {RunId} {Outcome}: linked {Linked}, read {Read}, changed {Changed}, patched {Patched}, failed {Failed}, missing {Missing}, Odoo calls {OdooCalls}, {DurationMs} ms")]
    private static partial void LogFinished(ILogger logger, string runId, string outcome, int linked, int read, int changed, int patched, int failed, int missing, int odooCalls, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync skipped ({Trigger}): a run is already in progress")]
    private static partial void LogSkipped(ILogger logger, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync {RunId} failed: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: order {OrderId} links MO {MoId}, which does not exist in Odoo")]
    private static partial void LogMissing(ILogger logger, string orderId, long moId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: PATCH of order {OrderId} failed: {Reason}")]
    private static partial void LogPatchFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync: push index {Table} unavailable")]
    private static partial void LogIndexFailed(ILogger logger, Exception exception, string table);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync {RunId}: could not write its record to table {Table}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string runId, string table);
}
