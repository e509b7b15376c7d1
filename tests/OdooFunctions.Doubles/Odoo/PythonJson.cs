using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// Python's <c>json.dumps</c> with its defaults (ensure_ascii, separators <c>", "</c> and <c>": "</c>, or <c>","</c>
/// and newlines with an indent), optionally with sort_keys, because Odoo writes webhook bodies and
/// webhook_sample_payload with it. Numbers written with a fraction or exponent are Python floats (<c>5.0</c>, <c>1e-05</c>).
/// </summary>
internal static class PythonJson
{
    public static string Dumps(JsonNode? value, bool sortKeys = false, int? indent = null)
    {
        var builder = new StringBuilder();
        Write(builder, value, sortKeys, indent, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonNode? node, bool sortKeys, int? indent, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                IEnumerable<KeyValuePair<string, JsonNode?>> members = sortKeys ? obj.OrderBy(p => p.Key, StringComparer.Ordinal) : obj;
                WriteContainer(builder, '{', '}', members.ToList(), (b, member) =>
                {
                    WriteString(b, member.Key);
                    b.Append(": ");
                    Write(b, member.Value, sortKeys, indent, depth + 1);
                }, indent, depth);
                break;
            case JsonArray array:
                WriteContainer(builder, '[', ']', array.ToList(), (b, item) => Write(b, item, sortKeys, indent, depth + 1), indent, depth);
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        WriteString(builder, value.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    case JsonValueKind.Number:
                        var text = value.ToJsonString();
                        builder.Append(text.IndexOfAny(['.', 'e', 'E']) >= 0 ? FloatRepr(value.AsDouble()) : text);
                        break;
                    default:
                        builder.Append("null");
                        break;
                }
                break;
        }
    }

    private static void WriteContainer<T>(StringBuilder builder, char open, char close, List<T> items, Action<StringBuilder, T> writeItem, int? indent, int depth)
    {
        builder.Append(open);
        if (items.Count == 0)
        {
            builder.Append(close);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(indent is null ? ", " : ",");
            }
            if (indent is { } spaces)
            {
                builder.Append('\n').Append(' ', spaces * (depth + 1));
            }
            writeItem(builder, items[i]);
        }
        if (indent is { } closing)
        {
            builder.Append('\n').Append(' ', closing * depth);
        }
        builder.Append(close);
    }

    // ensure_ascii: only printable ASCII stays as it is; the rest is \uXXXX (lowercase hex), UTF-16 units as Python writes them.
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case >= ' ' and <= '~':
                    builder.Append(ch);
                    break;
                default:
                    builder.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }
        builder.Append('"');
    }

    /// <summary>Python's repr() of a float: the shortest round-trip digits, exponent form below 1e-4 and from 1e16.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }
        // .NET's "R" gives the same shortest digits; only the layout differs ("1E-05" against Python's "1e-05").
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = shortest.IndexOf('E', StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? shortest : shortest[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(shortest[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        // The decimal point sits after `position` digits.
        var position = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        position -= leading;
        digits = digits.TrimEnd('0');
        var decimalExponent = position - 1;
        string repr;
        if (decimalExponent is >= -4 and < 16)
        {
            repr = position <= 0
                ? "0." + new string('0', -position) + digits
                : position >= digits.Length
                    ? digits + new string('0', position - digits.Length) + ".0"
                    : digits[..position] + "." + digits[position..];
        }
        else
        {
            repr = digits[..1] + (digits.Length > 1 ? "." + digits[1..] : "") + "e" + (decimalExponent < 0 ? "-" : "+")
                + Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
        }
        return value < 0 ? "-" + repr : repr;
    }
}
