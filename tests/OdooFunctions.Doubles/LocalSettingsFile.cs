using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles;

/// <summary>
/// The developer's <c>local.settings.json</c>, found the way a user means it: in the directory the command was started
/// from (the shell's <c>PWD</c>, which <c>dotnet run --project</c> keeps although it runs the program in the project's
/// folder), then the current directory, then the repository root (the folder holding <c>OdooFunctions.sln</c>).
/// </summary>
public sealed class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    private readonly JsonObject? _values;

    private LocalSettingsFile(string? path, JsonObject? values)
    {
        Path = path;
        _values = values;
    }

    /// <summary>The file read, or null when none was found.</summary>
    public string? Path { get; }

    /// <summary>An explicit <paramref name="path"/>, or the first <see cref="FileName"/> found in the usual places.</summary>
    public static LocalSettingsFile Find(string? path = null) =>
        Find(path, Environment.GetEnvironmentVariable("PWD"), Directory.GetCurrentDirectory());

    /// <summary>As <see cref="Find(string?)"/>, from <paramref name="startedIn"/> (the shell's directory) and <paramref name="currentDirectory"/>.</summary>
    public static LocalSettingsFile Find(string? path, string? startedIn, string currentDirectory)
    {
        var found = path ?? Candidates(startedIn, currentDirectory).FirstOrDefault(File.Exists);
        if (found is null || !File.Exists(found))
        {
            return new LocalSettingsFile(found, null);
        }

        var full = System.IO.Path.GetFullPath(found);
        return new LocalSettingsFile(full, JsonNode.Parse(File.ReadAllText(full))?["Values"] as JsonObject);
    }

    /// <summary>A setting as the Functions host sees it: the environment first, then the file's <c>Values</c>.</summary>
    public string? Get(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : _values?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text
        : null;

    private static IEnumerable<string> Candidates(string? startedIn, string currentDirectory)
    {
        if (startedIn is { Length: > 0 })
        {
            yield return System.IO.Path.Combine(startedIn, FileName);
        }

        yield return System.IO.Path.Combine(currentDirectory, FileName);
        foreach (var start in new[] { startedIn ?? currentDirectory, currentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "OdooFunctions.sln")))
                {
                    yield return System.IO.Path.Combine(dir.FullName, FileName);
                    break;
                }
            }
        }
    }
}
