using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The sync every <c>%SYNC_SCHEDULE%</c> (app setting, e.g. <c>0 */5 * * * *</c>). The host resolves the binding
/// expression from app settings before the worker starts, so the setting must exist (local.settings.json, infra app
/// settings); <see cref="StatusSyncOptions.Schedule"/> stops the start without it. The host already runs a timer on one
/// instance at a time (its blob lock), and the run itself takes the <see cref="SyncLease"/>, the same one
/// <c>POST /api/sync/run</c> takes, so a timer run and a manual run never overlap either.
/// </summary>
public sealed partial class StatusSyncTimer(StatusSync sync, ILogger<StatusSyncTimer> logger)
{
    [Function("StatusSyncTimer")]
    public async Task RunAsync([TimerTrigger("%SYNC_SCHEDULE%", RunOnStartup = false)] TimerInfo timer, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(timer);
        ArgumentNullException.ThrowIfNull(context);
        if (timer.IsPastDue)
        {
            LogPastDue(logger, timer.ScheduleStatus?.Last);
        }

        // TryRunAsync records failures instead of throwing, so a failing Odoo or dashboard never fails the invocation.
        try
        {
            await sync.TryRunAsync(SyncTrigger.Timer, context.CancellationToken);
        }
        catch (Storage.StorageUnavailableException e)
        {
            // Without storage there is no lease and no record; the next tick tries again.
            LogNoStorage(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync timer: storage unavailable, run skipped")]
    private static partial void LogNoStorage(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync timer is running late (past due; last run {LastRun})")]
    private static partial void LogPastDue(ILogger logger, DateTime? lastRun);
}
