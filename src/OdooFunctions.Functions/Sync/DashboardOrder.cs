namespace OdooFunctions.Functions.Sync;

/// <summary>A dashboard order linked to an Odoo manufacturing order, with the values the sync owns.</summary>
public sealed record DashboardOrder(string Id, long OdooMoId, string? Status, double? QtyProduced);
