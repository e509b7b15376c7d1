using System.Globalization;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// `odoo` subcommand: runs the demo Odoo (the seeded double) until Ctrl+C. An automation rule the administrator
/// creates over RPC sends its webhooks as Odoo would; the lines Odoo logs about them go to the console.
/// </summary>
public static class OdooDemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new OdooDoubleOptions { Port = 8069, LogWriter = Console.Out };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--version" when OdooVersion.Names.Contains(value):
                    options.Version = value!;
                    i++;
                    break;
                case "--api-key" when !string.IsNullOrEmpty(value):
                    options.ApiKey = value;
                    i++;
                    break;
                case "--admin-key" when !string.IsNullOrEmpty(value):
                    options.AdminApiKey = value;
                    i++;
                    break;
                case "--latency-ms" when int.TryParse(value, CultureInfo.InvariantCulture, out var ms) && ms >= 0:
                    options.Latency = TimeSpan.FromMilliseconds(ms);
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"odoo: unknown or incomplete option '{args[i]}'. Options: --port N, --version {string.Join('|', OdooVersion.Names)}, --api-key KEY, --admin-key KEY, --latency-ms N");
                    return 2;
            }
        }

        using var stop = new StopSignal();

        await using var server = await OdooDoubleServer.StartAsync(options, stop.Token);
        var url = server.BaseAddress.ToString().TrimEnd('/');
        Console.WriteLine($"Demo Odoo listening on {url} (database {options.Database}, login {options.Login}, version {options.Version})");
        // Only the well-known demo key is printed; a key given on the command line stays secret.
        Console.WriteLine(options.ApiKey == OdooDoubleOptions.DemoApiKey
            ? $"API key: {OdooDoubleOptions.DemoApiKey} (the public demo key; it opens nothing but this demo)"
            : "API key: the one given with --api-key (not shown)");
        Console.WriteLine(options.AdminApiKey == OdooDoubleOptions.DemoAdminApiKey
            ? $"Admin: login {OdooDoubleOptions.AdminLogin} (uid {OdooDoubleOptions.AdminUid}), password/API key {OdooDoubleOptions.DemoAdminApiKey} (the public demo key; only the admin may create automation rules)"
            : $"Admin: login {OdooDoubleOptions.AdminLogin} (uid {OdooDoubleOptions.AdminUid}), the key given with --admin-key (not shown)");
        Console.WriteLine("Press Ctrl+C to stop.");
        await stop.WaitAsync();
        return 0;
    }
}
