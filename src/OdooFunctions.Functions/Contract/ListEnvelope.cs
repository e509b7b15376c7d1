using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Contract;

/// <summary>The guide's list answer: <c>{success: true, count, data: [...]}</c>; <c>count</c> is the number of records returned.</summary>
public sealed record ListEnvelope<T>([property: JsonPropertyOrder(2)] IReadOnlyList<T> Data)
{
    [JsonPropertyOrder(0), AllowedValues(true)]
    public bool Success { get; } = true;

    [JsonPropertyOrder(1), Description("The number of records in data (not the total in Odoo).")]
    public int Count => Data.Count;
}
