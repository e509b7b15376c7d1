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
    private Process? _process;
    private string? _location;

    public TableServiceClient Tables { get; } = new(ConnectionString);

    /// <summary>A fresh table name (letters and digits, as Table storage requires) for one test class or test.</summary>
    public static string UniqueTableName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    public async Task InitializeAsync()
    {
        if (await IsListeningAsync())
        {
            return;
        }

        var azurite = FindAzurite() ?? throw new InvalidOperationException(
            "Azurite is not running on 127.0.0.1:10002 and node_modules/.bin/azurite was not found: run `npm ci` at the repository top, or start Azurite.");
        _location = Directory.CreateTempSubdirectory("azurite-").FullName;
        _process = Process.Start(new ProcessStartInfo(azurite,
            ["--silent", "--skipApiVersionCheck", "--loose", "--location", _location, "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        for (var attempt = 0; attempt < 60 && !await IsListeningAsync(); attempt++)
        {
            await Task.Delay(500);
        }

        if (!await IsListeningAsync())
        {
            throw new InvalidOperationException("Azurite did not start listening on 127.0.0.1:10002.");
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner; nothing depends on it.
            }
        }

        return Task.CompletedTask;
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
