using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OdooFunctions.Functions.Telemetry;

/// <summary>
/// The app's own spans and instruments (the Odoo client has its own, <see cref="Odoo.OdooClient.ActivitySourceName"/>):
/// a span per dashboard call and per sync run, and the sync's metrics. Tags name the operation and how it ended, and
/// count; never a token, a body, an order id or an order's values.
/// </summary>
public static class AppTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> of the dashboard calls and the sync runs.</summary>
    public const string ActivitySourceName = "OdooFunctions";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the sync's instruments.</summary>
    public const string MeterName = "OdooFunctions";

    public const string DashboardSpanName = "dashboard.call";
    public const string SyncRunSpanName = "sync.run";

    public const string DashboardOperationTag = "dashboard.operation";
    public const string DashboardOutcomeTag = "dashboard.outcome";
    public const string StatusCodeTag = "http.response.status_code";

    public const string TriggerTag = "sync.trigger";
    public const string SyncOutcomeTag = "sync.outcome";
    public const string FailureTag = "sync.failure";
    public const string LinkedTag = "sync.linked";
    public const string PatchedTag = "sync.patched";
    public const string FailedTag = "sync.failed";

    public const string RunsName = "odoofunctions.sync.runs";
    public const string RunDurationName = "odoofunctions.sync.run.duration";
    public const string LinkedName = "odoofunctions.sync.run.linked";
    public const string PatchedName = "odoofunctions.sync.run.patched";
    public const string FailedName = "odoofunctions.sync.run.failed";

    /// <summary>The two dashboard operations, as span names and <see cref="DashboardOperationTag"/> values: no id in them.</summary>
    public const string ListOrders = "GET /orders";
    public const string PatchOrder = "PATCH /orders/{id}";

    public const string Ok = "ok";
    public const string Cancelled = "cancelled";

    /// <summary>The <see cref="SyncOutcomeTag"/> of a run that did not start because another one held the lease.</summary>
    public const string Skipped = "skipped";

    private static readonly string? Version = typeof(AppTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    private static readonly Meter Meter = new(MeterName, Version);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        RunsName, "{run}", "Sync runs, by trigger and outcome (succeeded, partial, failed, skipped).");

    private static readonly Histogram<double> RunDuration = Meter.CreateHistogram<double>(
        RunDurationName, "ms", "Time of one sync run.");

    private static readonly Histogram<long> Linked = Meter.CreateHistogram<long>(
        LinkedName, "{order}", "Dashboard orders linked to an MO, per run.");

    private static readonly Histogram<long> Patched = Meter.CreateHistogram<long>(
        PatchedName, "{order}", "Orders brought in step with Odoo, per run.");

    private static readonly Histogram<long> Failed = Meter.CreateHistogram<long>(
        FailedName, "{order}", "Orders whose PATCH failed, per run (the next run tries again).");

    internal static Activity? StartDashboardCall(string operation)
    {
        var activity = Source.StartActivity(DashboardSpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "Dashboard " + operation;
            activity.SetTag(DashboardOperationTag, operation);
        }

        return activity;
    }

    internal static void DashboardAnswered(Activity? activity, int statusCode)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(StatusCodeTag, statusCode);
        }
    }

    /// <summary>Ends the span: <paramref name="failure"/> null is <see cref="Ok"/>, else its type name (or <see cref="Cancelled"/>).</summary>
    internal static void EndDashboardCall(Activity? activity, Exception? failure)
    {
        if (activity is null)
        {
            return;
        }

        var outcome = Outcome(failure);
        activity.SetTag(DashboardOutcomeTag, outcome);
        if (outcome is not (Ok or Cancelled))
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    internal static Activity? StartSyncRun(string trigger)
    {
        var activity = Source.StartActivity(SyncRunSpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "Status sync";
            activity.SetTag(TriggerTag, trigger);
        }

        return activity;
    }

    /// <summary>
    /// Ends the run's span and records its metrics, from what the run's record says: <paramref name="failure"/> is what
    /// failed a failed run (the span's error status) and null for any other.
    /// </summary>
    internal static void EndSyncRun(
        Activity? activity, string trigger, string outcome, string? failure, long durationMs, int linked, int patched, int failed)
    {
        if (activity is not null)
        {
            activity.SetTag(SyncOutcomeTag, outcome);
            activity.SetTag(LinkedTag, linked);
            activity.SetTag(PatchedTag, patched);
            activity.SetTag(FailedTag, failed);
            if (failure is not null)
            {
                activity.SetTag(FailureTag, failure);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        var tags = new TagList { { TriggerTag, trigger }, { SyncOutcomeTag, outcome } };
        Runs.Add(1, tags);
        RunDuration.Record(durationMs, tags);
        Linked.Record(linked, tags);
        Patched.Record(patched, tags);
        Failed.Record(failed, tags);
    }

    internal static void SyncRunSkipped(string trigger) =>
        Runs.Add(1, new TagList { { TriggerTag, trigger }, { SyncOutcomeTag, Skipped } });

    private static string Outcome(Exception? failure) => failure switch
    {
        null => Ok,
        OperationCanceledException => Cancelled,
        _ => failure.GetType().Name,
    };
}
