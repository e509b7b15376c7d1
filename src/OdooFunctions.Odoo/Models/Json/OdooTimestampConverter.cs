using System.Text.Json;
using System.Text.Json.Serialization;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>An Odoo datetime (<see cref="OdooTimestamp.Parse"/>), or null for <c>false</c> or anything else. Read only.</summary>
internal sealed class OdooTimestampConverter : JsonConverter<DateTime?>
{
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return OdooTimestamp.Parse(reader.GetString());
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options) =>
        throw new NotSupportedException("An Odoo timestamp is only read.");
}
