namespace OdooFunctions.Functions.Push;

/// <summary>What Odoo has committed for one MO: the values the dashboard gets and the <c>write_date</c> (whole seconds) that dates them.</summary>
public sealed record MoSnapshot(long Id, string? State, double QtyProduced, DateTime? WriteDate);
