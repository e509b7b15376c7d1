using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>
/// An Odoo float, written as Python writes it: <c>3.0</c> for a whole number and the shortest text that reads back as
/// the same number otherwise (<c>14.200000000000001</c> stays so). <c>false</c> or anything that is no number reads 0.
/// </summary>
public sealed class OdooFloatConverter : JsonConverter<double>, IOdooValueSchema
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            return number;
        }

        reader.Skip();
        return 0;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!double.IsFinite(value))
        {
            throw new JsonException("An Odoo float must be finite.");
        }

        // "R" is the shortest text that reads back as the same number, as Python's repr; Python adds ".0" to whole
        // numbers and writes its exponent in lower case.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text.Contains('E', StringComparison.Ordinal) ? text.Replace('E', 'e') : text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", skipInputValidation: true);
    }

    public JsonObject Schema() => new() { ["type"] = "number" };
}
