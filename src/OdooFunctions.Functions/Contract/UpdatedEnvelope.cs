using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Contract;

/// <summary>An update's answer: the order as Odoo holds it afterwards, and the requested values Odoo kept its own way.</summary>
public sealed record UpdatedEnvelope(
    [property: JsonPropertyOrder(1)] string Message,
    [property: JsonPropertyOrder(2)] ManufacturingOrder Data)
{
    [JsonPropertyOrder(0), AllowedValues(true)]
    public bool Success { get; } = true;

    [JsonPropertyOrder(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), Description("Requested values Odoo did not keep (e.g. Odoo 16-18 keep their computed date_deadline).")]
    public IReadOnlyList<NotApplied>? NotApplied { get; init; }
}
