using System.Globalization;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Dashboard;

/// <summary>
/// <c>dashboard [--port 5000] [--odoo-version 16.0|17.0|18.0|19.0]</c>: runs the demo dashboard API until Ctrl+C. Its orders are linked
/// to the demo Odoo's seeded manufacturing orders; most carry the status their MO maps to, a few are stale (still
/// <c>pending</c> with nothing produced), so the first sync visibly patches them.
/// </summary>
public static class DashboardDemoCommand
{
    /// <summary>How many linked orders start stale.</summary>
    public const int Stale = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new DashboardDoubleOptions { Port = 5000 };
        var odooVersion = OdooVersion.V19.Name;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, CultureInfo.InvariantCulture, out var port):
                    options.Port = port;
                    i++;
                    break;
                case "--odoo-version" when OdooVersion.Names.Contains(value):
                    odooVersion = value!;
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"dashboard: unknown or incomplete option '{args[i]}'. Options: --port N, --odoo-version {string.Join('|', OdooVersion.Names)}");
                    return 2;
            }
        }

        using var stop = new StopSignal();

        await using var server = await DashboardDoubleServer.StartAsync(options, stop.Token);
        var stale = Seed(server.Orders, odooVersion);
        var url = server.BaseAddress.ToString().TrimEnd('/');
        Console.WriteLine($"Demo dashboard listening on {url} (token {DashboardDoubleOptions.DemoToken}, {server.Orders.Linked().Count} orders linked to the demo Odoo {odooVersion}, {stale} stale)");
        Console.WriteLine("Press Ctrl+C to stop.");
        await stop.WaitAsync();
        return 0;
    }

    /// <summary>One order per MO of the demo Odoo's seed, plus one not linked to Odoo; returns how many start stale.</summary>
    public static int Seed(DashboardOrderStore orders, string odooVersion)
    {
        ArgumentNullException.ThrowIfNull(orders);
        // The demo Odoo's own seed, filled the way the demo Odoo fills it, so ids and states are the ones it serves.
        var version = OdooVersion.Of(odooVersion);
        var store = new OdooRecordStore(version.ApiUid, "API Integration (C#)");
        lock (store.Gate)
        {
            OdooSeed.Load(version).Fill(store, version.ApiUid, new OdooDoubleOptions().Login);
        }

        var stale = 0;
        var number = 1000;
        foreach (var mo in store.All("mrp.production"))
        {
            var state = mo["state"]!.GetValue<string>();
            var status = StatusFor(state);
            var produced = mo["qty_produced"]?.GetValue<double>() ?? 0;
            var extra = new JsonObject
            {
                ["order_number"] = $"DEMO-{++number}",
                ["product"] = mo["product_id"]?[1]?.DeepClone(),
                ["quantity"] = mo["product_qty"]?.DeepClone(),
            };
            if (stale < Stale && status != "pending")
            {
                // What the dashboard last heard before Odoo moved on: the sync brings it up to date.
                orders.Add(mo["id"]!.GetValue<long>(), "pending", 0, extra);
                stale++;
            }
            else
            {
                orders.Add(mo["id"]!.GetValue<long>(), status, produced, extra);
            }
        }

        orders.Add(null, "pending", 0, new JsonObject { ["order_number"] = $"DEMO-{++number}", ["product"] = "Not planned in Odoo yet", ["quantity"] = 1 });
        return stale;
    }

    // The integration guide's mapping, as the app's sync applies it.
    private static string StatusFor(string moState) => moState switch
    {
        "progress" or "to_close" => "in_progress",
        "done" => "completed",
        "cancel" => "cancelled",
        _ => "pending",
    };
}
