namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// A dashboard order linked to an Odoo manufacturing order, with the values the sync owns. <see cref="Unreadable"/>
/// names a value the sync could not read (a <c>qty_produced</c> that is no number, a <c>status</c> that is no
/// text): such an order is counted and left alone, since patching it would only repeat on every run.
/// </summary>
public sealed record DashboardOrder(string Id, long OdooMoId, string? Status, double? QtyProduced, string? Unreadable = null);
