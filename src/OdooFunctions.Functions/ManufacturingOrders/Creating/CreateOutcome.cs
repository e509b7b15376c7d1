using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>The order a create request stands for, and whether it was made by an earlier attempt of the same request.</summary>
public sealed record CreateOutcome(ManufacturingOrder Order, bool Duplicate);
