using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace OdooFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Azurite's table service on 127.0.0.1:10002: uses the one already running (CI starts it), or starts
/// <c>node_modules/.bin/azurite</c> from the repository (after <c>npm ci</c>) and stops it at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private const int TablePort = 10002;

    // One Azurite for the whole test run, however many fixtures ask for it; stopped when the test process exits.
    private static readonly Lazy<Task> Running = new(StartIfNeededAsync);

    public TableServiceClient Tables { get; } = new(ConnectionString);

    /// <summary>A fresh table name (letters and digits, as Table storage requires) for one test class or test.</summary>
    public static string UniqueTableName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Makes sure Azurite listens on loopback: the one already running (CI starts it), or one started now.</summary>
    public static Task EnsureRunningAsync() => Running.Value;

    public Task InitializeAsync() => EnsureRunningAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task StartIfNeededAsync()
    {
        if (await IsListeningAsync())
        {
            return;
        }

        var azurite = FindAzurite() ?? throw new InvalidOperationException(
            "Azurite is not running on 127.0.0.1:10002 and node_modules/.bin/azurite was not found: run `npm ci` at the repository top, or start Azurite.");
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        var process = Process.Start(new ProcessStartInfo(azurite,
            ["--silent", "--skipApiVersionCheck", "--loose", "--location", location, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(location, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner; nothing depends on it.
            }
        };
        for (var attempt = 0; attempt < 60 && !await IsListeningAsync(); attempt++)
        {
            await Task.Delay(500);
        }

        if (!await IsListeningAsync())
        {
            throw new InvalidOperationException("Azurite did not start listening on 127.0.0.1:10002.");
        }
    }

    private static async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", TablePort).WaitAsync(TimeSpan.FromSeconds(2));
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static string? FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
