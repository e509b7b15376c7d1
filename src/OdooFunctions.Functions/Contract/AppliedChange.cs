using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.Contract;

/// <summary>A field (or the state) that Odoo now holds differently from before a request that failed part-way.</summary>
/// <param name="Field">The record's field name, e.g. <c>state</c>.</param>
/// <param name="Before">Its value before the request.</param>
/// <param name="Now">Its value now (null: empty, written <c>false</c>); <see cref="OdooScalarConverter.Unknown"/> (written <c>null</c>) when the order could not be read back.</param>
public sealed record AppliedChange(
    string Field,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Before,
    [property: JsonConverter(typeof(OdooScalarConverter))] object? Now);
