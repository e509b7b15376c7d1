using System.Text.Json;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Push;

/// <summary>An Odoo datetime (<see cref="OdooTimestamp.Parse"/>), or null for <c>false</c> or anything else.</summary>
internal sealed class OdooTimestampConverter : ReadOnlyJsonConverter<DateTime?>
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
}
