using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Functions.Contract;

/// <summary>Odoo's <c>server_version_info</c>: a list of numbers and texts (<c>[19, 0, 0, "final", 0, ""]</c>). Write only.</summary>
internal sealed class VersionInfoConverter : JsonConverter<IReadOnlyList<object>>, IOdooValueSchema
{
    public override IReadOnlyList<object> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("server_version_info is only written.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<object> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (item is long number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(item.ToString());
            }
        }

        writer.WriteEndArray();
    }

    public JsonObject Schema() => new()
    {
        ["type"] = "array",
        ["items"] = new JsonObject { ["type"] = new JsonArray("integer", "string") },
        ["examples"] = new JsonArray(new JsonArray(19, 0, 0, "final", 0, "")),
    };
}
