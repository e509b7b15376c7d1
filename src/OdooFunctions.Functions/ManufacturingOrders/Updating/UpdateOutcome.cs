using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>The order as Odoo now has it, and the requested field values Odoo did not keep.</summary>
public sealed record UpdateOutcome(ManufacturingOrder Order, IReadOnlyList<NotApplied> NotApplied);
