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

    /// <summary>
    /// Reads a Python literal (lists, tuples, strings, numbers, True/False/None), as a rule's filter_domain is stored;
    /// tuples become arrays. Anything else (names such as uid, calls) fails with the ValueError Odoo's safe_eval would give.
    /// </summary>
    public static JsonNode? ParseLiteral(string source)
    {
        var position = 0;
        var value = ParseValue(source, ref position);
        SkipSpace(source, ref position);
        return position == source.Length ? value : throw Malformed(source);
    }

    private static JsonNode? ParseValue(string source, ref int position)
    {
        SkipSpace(source, ref position);
        if (position >= source.Length)
        {
            throw Malformed(source);
        }
        var ch = source[position];
        if (ch is '[' or '(')
        {
            var close = ch == '[' ? ']' : ')';
            position++;
            var items = new JsonArray();
            while (true)
            {
                SkipSpace(source, ref position);
                if (position < source.Length && source[position] == close)
                {
                    position++;
                    return items;
                }
                items.Add(ParseValue(source, ref position));
                SkipSpace(source, ref position);
                if (position < source.Length && source[position] == ',')
                {
                    position++;
                }
                else if (position >= source.Length || source[position] != close)
                {
                    throw Malformed(source);
                }
            }
        }
        if (ch is '\'' or '"')
        {
            var text = new StringBuilder();
            for (position++; position < source.Length && source[position] != ch; position++)
            {
                if (source[position] == '\\' && position + 1 < source.Length)
                {
                    position++;
                    text.Append(source[position] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var other => other });
                }
                else
                {
                    text.Append(source[position]);
                }
            }
            if (position >= source.Length)
            {
                throw Malformed(source);
            }
            position++;
            return text.ToString();
        }
        var start = position;
        while (position < source.Length && (char.IsLetterOrDigit(source[position]) || source[position] is '.' or '-' or '+' or '_'))
        {
            position++;
        }
        var word = source[start..position];
        return word switch
        {
            "True" => true,
            "False" => false,
            "None" => null,
            _ when long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            _ when double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => OdooJson.PythonFloat(number),
            _ => throw OdooServerError.ValueError($"name '{word}' is not defined"),
        };
    }

    private static void SkipSpace(string source, ref int position)
    {
        while (position < source.Length && char.IsWhiteSpace(source[position]))
        {
            position++;
        }
    }

    private static OdooServerError Malformed(string source) => OdooServerError.ValueError($"malformed node or string: {Str(source)}");
}
