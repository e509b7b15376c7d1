using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>
/// Text that Odoo sends as <c>false</c> when empty: null in C#, <c>false</c> again on the wire. A value of another
/// type than text reads as empty rather than failing the record (Odoo sends <c>false</c> for empty whatever the type).
/// </summary>
public class OdooTextConverter : JsonConverter<string?>, IOdooValueSchema
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteBooleanValue(false);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    public virtual JsonObject Schema() => OdooSchemas.OrFalse(new JsonObject { ["type"] = "string" });
}
