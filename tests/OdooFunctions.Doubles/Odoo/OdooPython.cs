using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>Python's repr() of JSON values, because Odoo's error messages quote Python objects.</summary>
internal static class OdooPython
{
    public static string Repr(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "None";
            case JsonArray array:
                return "[" + string.Join(", ", array.Select(Repr)) + "]";
            case JsonObject obj:
                return "{" + string.Join(", ", obj.Select(p => Str(p.Key) + ": " + Repr(p.Value))) + "}";
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => Str(value.GetValue<string>()),
                    JsonValueKind.True => "True",
                    JsonValueKind.False => "False",
                    JsonValueKind.Null => "None",
                    _ => value.ToJsonString(),
                };
            default:
                return node.ToJsonString();
        }
    }

    public static string Str(string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder().Append(quote);
        foreach (var ch in text)
        {
            builder.Append(ch switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when ch == quote => "\\" + ch,
                _ => ch.ToString(CultureInfo.InvariantCulture),
            });
        }
        return builder.Append(quote).ToString();
    }
}
