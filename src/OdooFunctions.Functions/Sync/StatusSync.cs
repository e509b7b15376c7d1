using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Telemetry;
using OdooFunctions.Odoo;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// Runs the sync, whether the timer or <c>POST /api/sync/run</c> asks: one <see cref="SyncPass"/> at a time, its
/// <see cref="SyncRun"/> record in Table storage, its span and metrics, and what failed it in the record's words.
/// Runs never overlap anywhere: a run holds the <see cref="SyncLease"/> (a row in storage, shared by every instance)
/// for as long as it lasts; an in-process flag first spares a storage round trip when this instance is already running one.
/// </summary>
public partial class StatusSync
{
    private readonly SyncPass _pass;
    private readonly SyncRunStore _store;
    private readonly SyncLease _lease;
    private readonly StatusSyncOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StatusSync> _logger;
    private int _running;

    public StatusSync(SyncPass pass, SyncRunStore store, SyncLease lease, IOptions<StatusSyncOptions> options, ILogger<StatusSync> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _pass = pass;
        _store = store;
        _lease = lease;
        _options = options.Value;
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
        var tally = new SyncTally(_options.MaxRecordedErrors);
        var outcome = SyncOutcome.Succeeded;
        string? failure = null;
        // The run's span: the Odoo and dashboard calls below are its children.
        var activity = AppTelemetry.StartSyncRun(trigger);
        LogStarted(_logger, id, trigger);
        try
        {
            await _pass.RunAsync(tally, cancellationToken);
            if (tally.Failed > 0 || tally.Missing > 0 || tally.Unreadable > 0 || tally.ErrorCount > 0)
            {
                outcome = SyncOutcome.Partial;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            outcome = SyncOutcome.Failed;
            failure = Classify(e, cancellationToken);
            var message = Describe(e, cancellationToken);
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
        AppTelemetry.EndSyncRun(activity, run.Trigger, run.Outcome, run.Failure, run.DurationMs, run.Linked, run.Patched, run.Failed);
        return run;
    }

    /// <summary>What failed the run (<see cref="SyncFailure"/>), so that its answer can say why.</summary>
    private static string Classify(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => SyncFailure.Cancelled,
        OdooTimeoutException => SyncFailure.Timeout,
        DashboardApiException { InnerException: TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException } => SyncFailure.Timeout,
        DashboardApiException => SyncFailure.Dashboard,
        OdooException => SyncFailure.Odoo,
        SecretUnavailableException => SyncFailure.Secret,
        _ => SyncFailure.Unexpected,
    };

    /// <summary>The failure in the record's words: short, and never a secret or a raw body.</summary>
    private static string Describe(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => "Run cancelled (host shutting down or request aborted).",
        DashboardApiException => e.Message,
        OdooException => "Odoo: " + SyncTally.Short(e.Message),
        SecretUnavailableException => "Dashboard API token unavailable: " + SyncTally.Short(e.Message),
        _ => $"Unexpected {e.GetType().Name}.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Status sync {RunId} started ({Trigger})")]
    private static partial void LogStarted(ILogger logger, string runId, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status sync {RunId} {Outcome}: linked {Linked}, read {Read}, changed {Changed}, patched {Patched}, failed {Failed}, missing {Missing}, Odoo calls {OdooCalls}, {DurationMs} ms")]
    private static partial void LogFinished(ILogger logger, string runId, string outcome, int linked, int read, int changed, int patched, int failed, int missing, int odooCalls, long durationMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync skipped ({Trigger}): a run is already in progress")]
    private static partial void LogSkipped(ILogger logger, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync {RunId} failed: {Reason}")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string runId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync {RunId}: could not write its record to table {Table}")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string runId, string table);
}
