using OdooFunctions.Doubles.Odoo;

// Runs one of the doubles as a program. Subcommands: odoo (the demo Odoo).
switch (args.FirstOrDefault())
{
    case "odoo":
        return await OdooDemoCommand.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: OdooFunctions.Doubles odoo [--port 8069] [--version 19.0] [--api-key KEY] [--latency-ms N]");
        return 2;
}
