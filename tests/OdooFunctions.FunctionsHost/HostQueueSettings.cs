using System.Text.Json;

namespace OdooFunctions.FunctionsHost;

/// <summary>The <c>extensions.queues</c> section of the app's host.json, with the host's defaults for what it leaves out.</summary>
public sealed record HostQueueSettings(
    TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout, int BatchSize, int NewBatchThreshold, int MaxDequeueCount, string MessageEncoding)
{
    /// <summary>The queue listener's shortest wait between two polls (the WebJobs SDK's <c>QueuePollingIntervals.Minimum</c>).</summary>
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Reads the host.json the Functions project copies next to its functions.metadata.</summary>
    public static HostQueueSettings Load()
    {
        var path = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path())!, "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var queues = document.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queues", out var q) ? q : default;
        string? Text(string name) => queues.ValueKind == JsonValueKind.Object && queues.TryGetProperty(name, out var value) ? value.ToString() : null;
        int batch = int.TryParse(Text("batchSize"), out var b) ? b : 16;
        return new HostQueueSettings(
            TimeSpan.TryParse(Text("maxPollingInterval"), System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : TimeSpan.FromMinutes(1),
            TimeSpan.TryParse(Text("visibilityTimeout"), System.Globalization.CultureInfo.InvariantCulture, out var visibility) ? visibility : TimeSpan.Zero,
            batch,
            int.TryParse(Text("newBatchThreshold"), out var threshold) ? threshold : batch / 2,
            int.TryParse(Text("maxDequeueCount"), out var dequeue) ? dequeue : 5,
            Text("messageEncoding") ?? "base64");
    }
}
