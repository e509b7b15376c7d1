using System.Text.RegularExpressions;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>
/// The app's folders are its parts: a part may use another, but two parts that import each other are one part in two
/// places. Read from the source text: each top-level folder of <c>src/OdooFunctions.Functions</c> imports the folders it
/// names, in a <c>using OdooFunctions.Functions.&lt;Folder&gt;</c> or a fully qualified <c>OdooFunctions.Functions.&lt;Folder&gt;.</c>
/// reference. The files at the top (Program.cs, OdooFunctionsApp) compose the parts and are no part.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly string Source = RepositoryRoot.Combine("src", "OdooFunctions.Functions");

    [Fact]
    public void No_two_folders_import_each_other()
    {
        var imports = Imports();

        var tangled = MutualPairs(imports).Select(pair => Describe(pair, imports)).ToList();

        Assert.True(tangled.Count == 0, "These folders import each other:\n" + string.Join("\n", tangled));
    }

    [Fact]
    public void The_settings_binding_every_part_uses_imports_no_part() => Assert.Empty(Targets(Imports(), "Settings"));

    [Fact]
    public void The_timer_and_the_push_meet_only_in_the_dashboard_part()
    {
        var imports = Imports();

        Assert.DoesNotContain("Push", Targets(imports, "Sync"));
        Assert.DoesNotContain("Sync", Targets(imports, "Push"));
        Assert.Empty(Targets(imports, "Dashboard").Intersect(["Sync", "Push"]));
        Assert.Empty(Targets(imports, "ManufacturingOrders").Intersect(["Dashboard", "Sync", "Push"]));
        Assert.Contains("Dashboard", Targets(imports, "Sync"));
        Assert.Contains("Dashboard", Targets(imports, "Push"));
    }

    [Fact]
    public void A_using_and_a_fully_qualified_name_both_count_as_an_import_and_the_own_namespace_does_not()
    {
        const string text = """
            using OdooFunctions.Functions.Storage;
            namespace OdooFunctions.Functions.Sync.Inner;
            // a cref: <see cref="OdooFunctions.Functions.Telemetry.AppTelemetry"/>
            public sealed class C(OdooFunctions.Functions.Dashboard.LastSentIndex index);
            """;

        Assert.Equal(["Dashboard", "Storage", "Telemetry"], Named(text, "Sync", ["Dashboard", "Storage", "Sync", "Telemetry"]).Order());
    }

    /// <summary>Folder → (folder it imports → the files that do).</summary>
    private static Dictionary<string, Dictionary<string, SortedSet<string>>> Imports()
    {
        var folders = Directory.GetDirectories(Source).Select(Path.GetFileName).OfType<string>().Where(f => f is not ("bin" or "obj")).ToHashSet();
        var imports = folders.ToDictionary(f => f, _ => new Dictionary<string, SortedSet<string>>());
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, folder), "*.cs", SearchOption.AllDirectories))
            {
                foreach (var target in Named(File.ReadAllText(file), folder, folders))
                {
                    var files = imports[folder].TryGetValue(target, out var found) ? found : imports[folder][target] = [];
                    files.Add(Path.GetRelativePath(Source, file).Replace('\\', '/'));
                }
            }
        }

        Assert.Contains("Dashboard", folders);
        return imports;
    }

    /// <summary>The other folders among <paramref name="folders"/> that <paramref name="text"/>, a file of <paramref name="folder"/>, names.</summary>
    private static HashSet<string> Named(string text, string folder, HashSet<string> folders) =>
        [.. FolderName().Matches(text).Select(m => m.Groups["folder"].Value).Where(name => name != folder && folders.Contains(name))];

    private static IEnumerable<(string, string)> MutualPairs(Dictionary<string, Dictionary<string, SortedSet<string>>> imports) =>
        from a in imports.Keys
        from b in imports[a].Keys
        where string.CompareOrdinal(a, b) < 0 && imports.TryGetValue(b, out var back) && back.ContainsKey(a)
        orderby a, b
        select (a, b);

    private static HashSet<string> Targets(Dictionary<string, Dictionary<string, SortedSet<string>>> imports, string folder) =>
        imports.TryGetValue(folder, out var targets) ? [.. targets.Keys] : [];

    private static string Describe((string A, string B) pair, Dictionary<string, Dictionary<string, SortedSet<string>>> imports) =>
        $"{pair.A} ↔ {pair.B}: {pair.A}/ imports {pair.B} in {string.Join(", ", imports[pair.A][pair.B])}; "
        + $"{pair.B}/ imports {pair.A} in {string.Join(", ", imports[pair.B][pair.A])}";

    [GeneratedRegex(@"\bOdooFunctions\.Functions\.(?<folder>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex FolderName();
}
