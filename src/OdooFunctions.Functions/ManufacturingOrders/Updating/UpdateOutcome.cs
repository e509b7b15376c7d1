using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>The order as Odoo now has it, and the requested field values Odoo did not keep.</summary>
public sealed record UpdateOutcome(ManufacturingOrder Order, IReadOnlyList<NotApplied> NotApplied);

/// <summary>A requested value that Odoo did not keep (e.g. Odoo 17 silently keeps its computed <c>date_deadline</c>).</summary>
public sealed record NotApplied(
    string Field,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Requested,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Actual);
