using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Tests.Demo;

/// <summary><c>local.settings.json</c> is found where the user started the command, else at the repository root.</summary>
public sealed class LocalSettingsFileTests : IDisposable
{
    private readonly DirectoryInfo _repo = Directory.CreateTempSubdirectory("odoofunctions-repo-");

    public LocalSettingsFileTests()
    {
        File.WriteAllText(Path.Combine(_repo.FullName, "OdooFunctions.sln"), "");
        Directory.CreateDirectory(Path.Combine(_repo.FullName, "tests", "OdooFunctions.Doubles"));
        Directory.CreateDirectory(Path.Combine(_repo.FullName, "elsewhere"));
    }

    private string ProjectDir => Path.Combine(_repo.FullName, "tests", "OdooFunctions.Doubles");

    private static string Write(string dir, string secret)
    {
        var path = Path.Combine(dir, LocalSettingsFile.FileName);
        File.WriteAllText(path, new JsonObject { ["Values"] = new JsonObject { ["AUTH_JWT_SECRET"] = secret } }.ToJsonString());
        return path;
    }

    [Fact]
    public void Dotnet_run_from_the_repository_root_finds_the_root_file_although_it_runs_in_the_project_folder()
    {
        var root = Write(_repo.FullName, "root-secret-0123456789abcdef0123456789");
        var found = LocalSettingsFile.Find(null, startedIn: _repo.FullName, currentDirectory: ProjectDir);
        Assert.Equal(root, found.Path);
        Assert.Equal("root-secret-0123456789abcdef0123456789", found.Get("AUTH_JWT_SECRET"));
    }

    [Fact]
    public void The_file_where_the_command_was_started_wins_over_the_root()
    {
        Write(_repo.FullName, "root");
        var here = Write(Path.Combine(_repo.FullName, "elsewhere"), "here");
        Assert.Equal(here, LocalSettingsFile.Find(null, startedIn: Path.Combine(_repo.FullName, "elsewhere"), currentDirectory: ProjectDir).Path);
    }

    [Fact]
    public void Without_a_file_where_it_was_started_the_repository_root_is_used()
    {
        var root = Write(_repo.FullName, "root");
        Assert.Equal(root, LocalSettingsFile.Find(null, startedIn: Path.Combine(_repo.FullName, "elsewhere"), currentDirectory: ProjectDir).Path);
    }

    [Fact]
    public void No_file_anywhere_is_reported_as_none()
    {
        var found = LocalSettingsFile.Find(null, startedIn: Path.Combine(_repo.FullName, "elsewhere"), currentDirectory: ProjectDir);
        Assert.Null(found.Path);
        Assert.Null(found.Get("SOME_SETTING_NOBODY_SETS"));
    }

    public void Dispose() => _repo.Delete(recursive: true);
}
