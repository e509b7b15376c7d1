using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Contract;

/// <summary>The guide's single answer: <c>{success: true, message?, data: {...}}</c>.</summary>
public sealed record ItemEnvelope<T>([property: JsonPropertyOrder(2)] T Data, [property: JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null)
{
    [JsonPropertyOrder(0), AllowedValues(true)]
    public bool Success { get; } = true;
}
