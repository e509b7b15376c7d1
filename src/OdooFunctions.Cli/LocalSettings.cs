using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Cli;

/// <summary>
/// The settings the Functions host would give the app locally: <c>local.settings.json</c>'s <c>Values</c>, overridden by
/// environment variables (as Core Tools do).
/// </summary>
public static class LocalSettings
{
    public static IConfiguration Load(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (File.Exists(path) && JsonNode.Parse(File.ReadAllText(path))?["Values"] is JsonObject fromFile)
        {
            foreach (var (name, value) in fromFile)
            {
                values[name] = value?.ToString();
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).AddEnvironmentVariables().Build();
    }

    /// <summary>The file given, or <c>local.settings.json</c> where the command was started (the shell's PWD).</summary>
    public static string PathFrom(string? given) =>
        System.IO.Path.GetFullPath(given ?? System.IO.Path.Combine(Environment.GetEnvironmentVariable("PWD") ?? Directory.GetCurrentDirectory(), "local.settings.json"));
}
