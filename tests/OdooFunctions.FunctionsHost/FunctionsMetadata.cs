using System.Reflection;
using System.Text.Json;
using OdooFunctions.Functions;
using OdooFunctions.TestSupport;

namespace OdooFunctions.FunctionsHost;

/// <summary>The <c>functions.metadata</c> the Worker SDK generates at build: what the Functions host will serve.</summary>
public sealed record FunctionMetadata(string Name, string EntryPoint, string TriggerType, string? Route, IReadOnlyList<string> Methods, string? Schedule, string? AuthLevel, bool? RunOnStartup, string? QueueName = null)
{
    /// <summary>The app's method the entry point (<c>Namespace.Type.Method</c>) names.</summary>
    public MethodInfo ResolveMethod()
    {
        var split = EntryPoint.LastIndexOf('.');
        var type = typeof(OdooFunctionsApp).Assembly.GetType(EntryPoint[..split], throwOnError: true)!;
        return type.GetMethod(EntryPoint[(split + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            ?? throw new MissingMethodException(type.FullName, EntryPoint[(split + 1)..]);
    }
}

public static class FunctionsMetadata
{
    public static IReadOnlyList<FunctionMetadata> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path()));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray().First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new FunctionMetadata(
                function.GetProperty("name").GetString()!,
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
                trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : null,
                trigger.TryGetProperty("authLevel", out var level) ? level.GetString() : null,
                trigger.TryGetProperty("runOnStartup", out var onStartup) ? onStartup.GetBoolean() : null,
                trigger.TryGetProperty("queueName", out var queue) ? queue.GetString() : null);
        })];
    }

    /// <summary>The file the Functions project's build wrote (same configuration as this test run).</summary>
    public static string Path()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return RepositoryRoot.Combine("src", "OdooFunctions.Functions", "bin", configuration, "net10.0", "functions.metadata");
    }
}
