using System.ComponentModel;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Odoo.Models;

/// <summary>A contact or company (<c>res.partner</c>) in the same fields on every Odoo release.</summary>
public sealed record Partner
{
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    [JsonPropertyName("name"), JsonConverter(typeof(OdooTextConverter))]
    public string? Name { get; init; }

    [JsonPropertyName("email"), JsonConverter(typeof(OdooTextConverter))]
    public string? Email { get; init; }

    [JsonPropertyName("phone"), JsonConverter(typeof(OdooTextConverter))]
    public string? Phone { get; init; }

    [JsonPropertyName("mobile"), JsonConverter(typeof(OdooTextConverter)), Description("Always false on Odoo 19, which no longer has the field.")]
    public string? Mobile { get; init; }

    [JsonPropertyName("street"), JsonConverter(typeof(OdooTextConverter))]
    public string? Street { get; init; }

    [JsonPropertyName("city"), JsonConverter(typeof(OdooTextConverter))]
    public string? City { get; init; }

    [JsonPropertyName("zip"), JsonConverter(typeof(OdooTextConverter))]
    public string? Zip { get; init; }

    [JsonPropertyName("country_id"), JsonConverter(typeof(Many2OneConverter))]
    public Many2One? CountryId { get; init; }

    [JsonPropertyName("is_company")]
    public bool IsCompany { get; init; }

    [JsonPropertyName("vat"), JsonConverter(typeof(OdooTextConverter)), Description("Tax id.")]
    public string? Vat { get; init; }

    [JsonPropertyName("ref"), JsonConverter(typeof(OdooTextConverter)), Description("Internal reference.")]
    public string? Ref { get; init; }
}
