using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The sync every <c>%SYNC_SCHEDULE%</c> (app setting, <c>0 */5 * * * *</c>). The host resolves the binding
/// expression from app settings before the worker starts, so the setting must exist (local.settings.json,
/// infra app settings). Timer functions are singletons: the host holds a blob lease in <c>AzureWebJobsStorage</c>,
/// so only one instance runs it at a time even when scaled out.
/// </summary>
public sealed partial class StatusSyncTimer(StatusSync sync, ILogger<StatusSyncTimer> logger)
{
    public const string ScheduleSetting = "SYNC_SCHEDULE";
    public const string DefaultSchedule = "0 */5 * * * *";

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
        await sync.TryRunAsync(SyncTrigger.Timer, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync timer is running late (past due; last run {LastRun})")]
    private static partial void LogPastDue(ILogger logger, DateTime? lastRun);
}
