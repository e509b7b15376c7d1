namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// What a dashboard order shows, or was last sent, of the values the app owns: its <c>status</c> and
/// <c>qty_produced</c> (null when none could be read), and the Odoo <c>write_date</c> of those values when the push sent
/// them (a dashboard list has none).
/// </summary>
public sealed record OrderValues(string? Status, double? QtyProduced, DateTime? OdooWriteDate = null);
