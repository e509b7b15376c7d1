namespace OdooFunctions.Doubles.Odoo;

/// <summary>One call the double received. <paramref name="Protocol"/> is "jsonrpc", "json2" or "http" (version probes).</summary>
public sealed record OdooCallRecord(string Protocol, string Model, string Method, DateTimeOffset Time);
