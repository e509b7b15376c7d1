namespace OdooFunctions.TestSupport;

/// <summary>The repository's top folder (the one holding <c>OdooFunctions.sln</c>), found from the test's binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "OdooFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new FileNotFoundException("OdooFunctions.sln not found above " + AppContext.BaseDirectory);
    }
}
