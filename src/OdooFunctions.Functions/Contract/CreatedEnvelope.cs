using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Contract;

/// <summary>A create's answer: the order, and whether an earlier identical request made it (<c>duplicate</c>: 200, else 201).</summary>
public sealed record CreatedEnvelope(
    [property: JsonPropertyOrder(1)] string Message,
    [property: JsonPropertyOrder(2)] ManufacturingOrder Data,
    [property: JsonPropertyOrder(3), Description("True when an earlier request with the same Idempotency-Key (or origin and product) made the order: nothing new was created.")] bool Duplicate)
{
    [JsonPropertyOrder(0), AllowedValues(true)]
    public bool Success { get; } = true;
}
