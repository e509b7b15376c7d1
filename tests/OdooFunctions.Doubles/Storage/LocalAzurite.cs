using System.Diagnostics;
using System.Net.Sockets;

namespace OdooFunctions.Doubles.Storage;

/// <summary>
/// The real Azurite (from npm) on 127.0.0.1:10000-10002 for tests and benchmarks: uses the one already running (CI and
/// <c>npm start</c> start it), or starts <c>node_modules/.bin/azurite</c> from the repository (after <c>npm ci</c>) and
/// stops it when the process exits.
/// </summary>
public static class LocalAzurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    public const int TablePort = 10002;

    // One Azurite per process, however many callers ask for it.
    private static readonly Lazy<Task> Running = new(StartIfNeededAsync);

    /// <summary>Makes sure Azurite listens on loopback: the one already running, or one started now.</summary>
    public static Task EnsureRunningAsync() => Running.Value;

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
