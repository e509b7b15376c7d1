using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>
/// One field's value of any of the scalar types a model record holds (text, number, boolean, a <see cref="Many2One"/>),
/// written as Odoo writes it: <c>false</c> for empty, floats as <see cref="OdooFloatConverter"/> writes them. For
/// answers that name a field and its value (what a failed write left changed). Write only.
/// </summary>
public sealed class OdooScalarConverter : JsonConverter<object?>, IOdooValueSchema
{
    private static readonly OdooFloatConverter Float = new();
    private static readonly Many2OneConverter Reference = new();

    /// <summary>A value that could not be read (the record could not be read back): written as JSON <c>null</c>.</summary>
    public static readonly object Unknown = new UnknownValue();

    public override bool HandleNull => true;

    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An Odoo field value is only written.");

    public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteBooleanValue(false);
                break;
            case UnknownValue:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double number:
                Float.Write(writer, number, options);
                break;
            case decimal number:
                // A caller's value (what it asked for), written as sent.
                writer.WriteNumberValue(number);
                break;
            case long or int:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case Many2One reference:
                Reference.Write(writer, reference, options);
                break;
            default:
                throw new JsonException($"{value.GetType().Name} is no Odoo field value.");
        }
    }

    /// <summary>The value as JSON text, e.g. <c>"draft"</c> or <c>4.0</c>, for messages (<c>unknown</c> for <see cref="Unknown"/>).</summary>
    public static string ToText(object? value)
    {
        if (value is UnknownValue)
        {
            return "unknown";
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            new OdooScalarConverter().Write(writer, value, JsonSerializerOptions.Default);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public JsonObject Schema() => new()
    {
        ["description"] = "The field's value as Odoo holds it: text, a number, true, a related record [id, \"name\"], false when empty, or null when it could not be read.",
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string" },
            new JsonObject { ["type"] = "number" },
            new JsonObject { ["type"] = "boolean" },
            new JsonObject { ["type"] = "null" },
            new Many2OneConverter().Schema()["anyOf"]![0]!.DeepClone()),
    };

    private sealed class UnknownValue
    {
        public override string ToString() => "unknown";
    }
}
