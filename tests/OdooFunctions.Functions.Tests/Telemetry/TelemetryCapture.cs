using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Tests.Infrastructure;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>
/// ActivitySources and Meters are process-wide: a tracer in one test sees the spans of every other test running at the
/// same time. The telemetry tests therefore run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Telemetry";
}

/// <summary>
/// The in-memory exporters hooked into the app's own OpenTelemetry registration (the same tracer and meter providers,
/// with the same sources, meters, instrumentation and processors), and a test span to scope a test's trace.
/// </summary>
internal sealed class TelemetryCapture
{
    public const string TestSourceName = "OdooFunctions.Functions.Tests.Telemetry";

    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    /// <summary>Adds the exporters to the container's providers; call after <c>AddOdooFunctions</c>.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(TestSourceName).AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    }

    /// <summary>Builds the providers (the host's hosted service does it in the worker) so that they listen from now on.</summary>
    public TelemetryCapture Listen(IServiceProvider services)
    {
        _tracer = services.GetRequiredService<TracerProvider>();
        _meter = services.GetRequiredService<MeterProvider>();
        return this;
    }

    /// <summary>A root span: everything the test does in its own flow (and what that flow starts) shares its trace.</summary>
    public static Activity StartTest(string name) =>
        TestSource.StartActivity(name, ActivityKind.Internal) ?? throw new InvalidOperationException("The test source has no listener: call Listen first.");

    /// <summary>Every span ended so far, from every source.</summary>
    public IReadOnlyList<Activity> Spans()
    {
        _tracer?.ForceFlush();
        return _spans.Snapshot();
    }

    /// <summary>The spans of <paramref name="root"/>'s trace, without the root itself.</summary>
    public IReadOnlyList<Activity> SpansOf(Activity root, string? source = null) =>
        [.. Spans().Where(s => s.TraceId == root.TraceId && s.SpanId != root.SpanId && (source is null || s.Source.Name == source))];

    /// <summary>The metrics as of now (cumulative since the providers were built).</summary>
    public IReadOnlyList<MetricSnapshot> Metrics()
    {
        _metrics.Clear();
        _meter!.ForceFlush();
        return _metrics.Snapshot();
    }

    public static MetricSnapshot Metric(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.SingleOrDefault(m => m.Name == name) ?? throw new Xunit.Sdk.XunitException($"No metric {name}; got: {string.Join(", ", metrics.Select(m => m.Name))}");

    public static Dictionary<string, object?> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    /// <summary>The points of a metric whose tags include all of <paramref name="tags"/>.</summary>
    public static List<MetricPoint> Points(MetricSnapshot metric, params (string Key, object? Value)[] tags)
    {
        var points = new List<MetricPoint>();
        foreach (var point in metric.MetricPoints)
        {
            var have = TagsOf(point);
            if (tags.All(t => have.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))
            {
                points.Add(point);
            }
        }

        return points;
    }

    /// <summary>
    /// Every piece of text a span or a metric carries to an exporter: names, status, trace state, every tag key and
    /// value, every event and link with their tags, baggage; a metric's name, unit, description, meter and every point's tags.
    /// </summary>
    public static IEnumerable<(string Where, string Text)> Texts(IEnumerable<Activity> spans, IEnumerable<MetricSnapshot> metrics)
    {
        foreach (var span in spans)
        {
            var where = $"span {span.Source.Name}/{span.OperationName}";
            foreach (var text in new[] { span.Source.Name, span.Source.Version, span.OperationName, span.DisplayName, span.StatusDescription, span.TraceStateString })
            {
                yield return (where, text ?? "");
            }

            foreach (var (key, value) in span.TagObjects)
            {
                yield return (where + " tag", key);
                yield return (where + " tag " + key, Text(value));
            }

            foreach (var e in span.Events)
            {
                yield return (where + " event", e.Name);
                foreach (var (key, value) in e.Tags)
                {
                    yield return (where + " event tag", key + "=" + Text(value));
                }
            }

            foreach (var link in span.Links)
            {
                foreach (var (key, value) in link.Tags ?? [])
                {
                    yield return (where + " link tag", key + "=" + Text(value));
                }
            }

            foreach (var (key, value) in span.Baggage)
            {
                yield return (where + " baggage", key + "=" + value);
            }
        }

        foreach (var metric in metrics)
        {
            var where = $"metric {metric.MeterName}/{metric.Name}";
            foreach (var text in new[] { metric.Name, metric.Unit, metric.Description, metric.MeterName })
            {
                yield return (where, text ?? "");
            }

            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    yield return (where + " tag", tag.Key + "=" + Text(tag.Value));
                }
            }
        }
    }

    /// <summary>Where each secret appears, by its name (the value itself is never printed).</summary>
    public static List<string> Leaks(IEnumerable<(string Where, string Text)> texts, IReadOnlyDictionary<string, string> secrets)
    {
        var leaks = new List<string>();
        foreach (var (where, text) in texts)
        {
            foreach (var (name, secret) in secrets)
            {
                if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    leaks.Add($"{name} in {where}");
                }
            }
        }

        return leaks;
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The exporters add from the threads that end spans; tests read while late spans may still arrive.</summary>
    private sealed class LockedList<T> : ICollection<T>
    {
        private readonly List<T> _items = [];
        private readonly Lock _gate = new();

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(T item)
        {
            lock (_gate)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _items.Clear();
            }
        }

        public List<T> Snapshot()
        {
            lock (_gate)
            {
                return [.. _items];
            }
        }

        public bool Contains(T item) => Snapshot().Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

        public bool Remove(T item)
        {
            lock (_gate)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
