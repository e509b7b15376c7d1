using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The span and the duration of every call, recorded at the choke point (<see cref="OdooRpcChannel.SendAsync"/>).
/// They carry the model, the method, the wire protocol and the outcome, never a key, a domain, an id or a value:
/// what the log line says, nothing more. With no listener the span is never created and the histogram is skipped, so
/// the hot path allocates nothing for either.
/// </summary>
internal static class OdooTelemetry
{
    public const string SpanName = "odoo.call";
    public const string CallDurationName = "odoo.client.call.duration";

    public const string ModelTag = "odoo.model";
    public const string MethodTag = "odoo.method";
    public const string ProtocolTag = "odoo.protocol";
    public const string OutcomeTag = "odoo.outcome";

    public const string Ok = "ok";
    public const string Cancelled = "cancelled";
    public const string Json2 = "json2";
    public const string JsonRpc = "jsonrpc";

    private static readonly string? Version = typeof(OdooTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(OdooClient.ActivitySourceName, Version);

    private static readonly Meter Meter = new(OdooClient.MeterName, Version);

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        CallDurationName, "ms", "Time of one Odoo call, from sending to the parsed answer or the failure (retries of a read included).");

    public static Activity? StartCall(OdooCall call, string protocol)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "Odoo " + call.Model + "." + call.Method;
            activity.SetTag(ModelTag, call.Model);
            activity.SetTag(MethodTag, call.Method);
            activity.SetTag(ProtocolTag, protocol);
        }

        return activity;
    }

    /// <param name="outcome"><see cref="Ok"/>, <see cref="Cancelled"/> or the exception's type name (<c>OdooValidationException</c>).</param>
    public static void EndCall(Activity? activity, OdooCall call, string protocol, string outcome, long startedTimestamp)
    {
        if (activity is not null)
        {
            if (activity.IsAllDataRequested)
            {
                activity.SetTag(OutcomeTag, outcome);
            }

            if (outcome is not (Ok or Cancelled))
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }

            activity.Dispose();
        }

        if (CallDuration.Enabled)
        {
            CallDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, new TagList
            {
                { ModelTag, call.Model },
                { MethodTag, call.Method },
                { ProtocolTag, protocol },
                { OutcomeTag, outcome },
            });
        }
    }

    /// <summary>The protocol on the wire: the version probe and the login always go over JSON-RPC.</summary>
    public static string WireProtocol(OdooCall call, OdooProtocol protocol) =>
        OdooWireProtocol.IsJson2(call, protocol) ? Json2 : JsonRpc;
}
