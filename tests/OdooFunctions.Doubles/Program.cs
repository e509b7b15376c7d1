using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Tokens;

// Runs one of the doubles as a program. Subcommands: odoo (the demo Odoo), dashboard (the demo dashboard API),
// token (a dashboard JWT for local calls).
switch (args.FirstOrDefault())
{
    case "odoo":
        return await OdooDemoCommand.RunAsync(args[1..]);
    case "dashboard":
        return await DashboardDemoCommand.RunAsync(args[1..]);
    case "token":
        return DashboardTokenCommand.Run(args[1..]);
    default:
        Console.Error.WriteLine("usage: OdooFunctions.Doubles odoo [--port 8069] [--version 19.0] [--api-key KEY] [--admin-key KEY] [--latency-ms N]\n       OdooFunctions.Doubles dashboard [--port 5000] [--odoo-version 19.0]\n       OdooFunctions.Doubles token [--role Admin] [--subject local-dev] [--minutes 60] [--settings local.settings.json]");
        return 2;
}
