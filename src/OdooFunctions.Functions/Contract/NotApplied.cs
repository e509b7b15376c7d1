using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.Contract;

/// <summary>A requested value that Odoo did not keep (e.g. Odoo 17 silently keeps its computed <c>date_deadline</c>).</summary>
public sealed record NotApplied(
    string Field,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Requested,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Actual);
