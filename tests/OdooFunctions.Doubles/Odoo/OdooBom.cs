namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// A bill of materials as the seed has it (mrp.bom is not served over RPC): the components one unit of
/// <see cref="ProductId"/> consumes, in line order, and how strictly Odoo compares what was consumed with them
/// (mrp.production.consumption, copied from the BoM at action_confirm: "flexible", "warning" or "strict").
/// </summary>
internal sealed record OdooBom(long ProductId, string Consumption, IReadOnlyList<OdooBomLine> Lines);

/// <summary>One component of a BoM and the quantity one unit of the finished product consumes.</summary>
internal sealed record OdooBomLine(long ProductId, double Quantity);
