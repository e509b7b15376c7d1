using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>A many2one as Odoo writes it: <c>[id, "display name"]</c>, or <c>false</c> when empty (null in C#).</summary>
public sealed class Many2OneConverter : JsonConverter<Many2One?>, IOdooValueSchema
{
    public override bool HandleNull => true;

    public override Many2One? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        long? id = null;
        string? name = null;
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index == 0 && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
            {
                id = number;
            }
            else if (index == 1 && reader.TokenType == JsonTokenType.String)
            {
                name = reader.GetString();
            }
            else
            {
                reader.Skip();
            }

            index++;
        }

        return id is { } value ? new Many2One(value, name ?? "") : null;
    }

    public override void Write(Utf8JsonWriter writer, Many2One? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteBooleanValue(false);
            return;
        }

        writer.WriteStartArray();
        writer.WriteNumberValue(value.Id);
        writer.WriteStringValue(value.Name);
        writer.WriteEndArray();
    }

    public JsonObject Schema() => OdooSchemas.OrFalse(new JsonObject
    {
        ["type"] = "array",
        ["prefixItems"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 1 }, new JsonObject { ["type"] = "string" }),
        ["minItems"] = 2,
        ["maxItems"] = 2,
        ["description"] = "A related record as [id, \"display name\"].",
        ["examples"] = new JsonArray(new JsonArray(1, "Units")),
    });
}
