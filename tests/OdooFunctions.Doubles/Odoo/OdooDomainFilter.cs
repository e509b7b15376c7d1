using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// Evaluates an Odoo domain (Polish notation: '&amp;', '|', '!' and [field, operator, value] terms, implicit '&amp;')
/// against stored records, including dotted paths through many2one fields ("location_id.usage").
/// </summary>
internal sealed class OdooDomainFilter
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "=", "!=", "<>", "in", "not in", ">", ">=", "<", "<=", "like", "ilike", "not like", "not ilike", "=like", "=ilike",
    };

    private readonly Func<JsonObject, bool> _predicate;

    private OdooDomainFilter(Func<JsonObject, bool> predicate) => _predicate = predicate;

    public bool Matches(JsonObject record) => _predicate(record);

    public static OdooDomainFilter Parse(JsonNode? domain, OdooModelSchema schema, OdooRecordStore store, Func<string, OdooModelSchema?> schemas, OdooVersion version)
    {
        if (domain is null || (domain is JsonValue v && v.GetValueKind() == JsonValueKind.False))
        {
            return new OdooDomainFilter(_ => true);
        }
        if (domain is not JsonArray items)
        {
            throw OdooServerError.ValueError($"Invalid domain: {OdooPython.Repr(domain)}");
        }
        var position = 0;
        var parts = new List<Func<JsonObject, bool>>();
        while (position < items.Count)
        {
            parts.Add(ParseOne(items, ref position, schema, store, schemas, version));
        }
        return new OdooDomainFilter(r => parts.TrueForAll(p => p(r)));
    }

    private static Func<JsonObject, bool> ParseOne(JsonArray items, ref int position, OdooModelSchema schema, OdooRecordStore store, Func<string, OdooModelSchema?> schemas, OdooVersion version)
    {
        if (position >= items.Count)
        {
            throw OdooServerError.ValueError($"Domain {OdooPython.Repr(items)} is syntactically not correct.");
        }
        var item = items[position++];
        if (item is JsonValue op && op.GetValueKind() == JsonValueKind.String)
        {
            switch (op.GetValue<string>())
            {
                case "!":
                    var inner = ParseOne(items, ref position, schema, store, schemas, version);
                    return r => !inner(r);
                case "&":
                    var a = ParseOne(items, ref position, schema, store, schemas, version);
                    var b = ParseOne(items, ref position, schema, store, schemas, version);
                    return r => a(r) && b(r);
                case "|":
                    var left = ParseOne(items, ref position, schema, store, schemas, version);
                    var right = ParseOne(items, ref position, schema, store, schemas, version);
                    return r => left(r) || right(r);
                default:
                    throw OdooServerError.ValueError($"Invalid leaf {OdooPython.Repr(item)}");
            }
        }
        if (item is not JsonArray term || term.Count != 3 || term[0] is not JsonValue fieldNode || fieldNode.GetValueKind() != JsonValueKind.String
            || term[1] is not JsonValue opNode || opNode.GetValueKind() != JsonValueKind.String)
        {
            throw OdooServerError.ValueError($"Invalid leaf {OdooPython.Repr(item)}");
        }
        var path = fieldNode.GetValue<string>().Split('.');
        var oper = opNode.GetValue<string>().ToLowerInvariant();
        if (!Operators.Contains(oper))
        {
            throw OdooServerError.ValueError($"Invalid operator {OdooPython.Repr(opNode)} in domain term {OdooPython.Repr(term)}");
        }
        if (!schema.HasField(path[0]))
        {
            var leaf = OdooPython.Repr(term).Replace('[', '(').Replace(']', ')');
            throw OdooServerError.ValueError($"Invalid field {schema.Name}.{path[0]} in {version.DomainTermWord} {leaf}");
        }
        var operand = term[2];
        // ("id", "in", [...]) looks ids up in a set, as PostgreSQL uses the primary key: batched reads of thousands of
        // ids must not cost records × ids comparisons (same answers as the general path, which compares numbers).
        if (path is ["id"] && oper is "in" or "not in" && operand is JsonArray idList
            && idList.All(o => o is JsonValue n && n.GetValueKind() == JsonValueKind.Number && n.AsDouble() == Math.Floor(n.AsDouble())))
        {
            var ids = idList.Select(o => (long)o!.AsDouble()).ToHashSet();
            var wanted = oper == "in";
            return r => r["id"] is JsonValue id && ids.Contains(id.AsLong()) == wanted;
        }
        return r => Compare(Resolve(r, path, schema, store, schemas), oper, operand);
    }

    // Follows many2one hops; returns the final value (a many2one stays [id, name]).
    private static JsonNode? Resolve(JsonObject record, string[] path, OdooModelSchema schema, OdooRecordStore store, Func<string, OdooModelSchema?> schemas)
    {
        JsonNode? value = record[path[0]];
        var current = schema;
        for (var i = 1; i < path.Length; i++)
        {
            var relation = current.Relation(path[i - 1]);
            if (relation is null || value is not JsonArray m2o || m2o.Count == 0)
            {
                return null;
            }
            var related = store.Find(relation, m2o[0]!.AsLong());
            current = schemas(relation) ?? current;
            value = related?[path[i]];
        }
        return value;
    }

    private static bool Compare(JsonNode? value, string oper, JsonNode? operand)
    {
        // A many2one compares by id against numbers and by name against strings.
        if (value is JsonArray m2o && m2o.Count == 2)
        {
            value = operand is JsonValue ov && ov.GetValueKind() == JsonValueKind.String ? m2o[1] : m2o[0];
        }
        switch (oper)
        {
            case "=":
                return EqualsValue(value, operand);
            case "!=" or "<>":
                return !EqualsValue(value, operand);
            case "in":
                return operand is JsonArray set && set.Any(o => EqualsValue(value, o));
            case "not in":
                return operand is not JsonArray notIn || !notIn.Any(o => EqualsValue(value, o));
            case ">" or ">=" or "<" or "<=":
                if (IsEmpty(value) || IsEmpty(operand))
                {
                    return false;
                }
                var c = CompareValues(value, operand);
                return oper switch { ">" => c > 0, ">=" => c >= 0, "<" => c < 0, _ => c <= 0 };
            default:
                var text = IsEmpty(value) ? null : value!.ToString();
                var pattern = operand?.ToString() ?? "";
                var like = oper.TrimStart('=').Replace("not ", "", StringComparison.Ordinal);
                var ignoreCase = like == "ilike";
                var anchored = oper.StartsWith('=');
                var regex = anchored ? "^" + LikeToRegex(pattern) + "$" : LikeToRegex("%" + pattern + "%");
                var matched = text is not null && Regex.IsMatch(text, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
                return oper.StartsWith("not ", StringComparison.Ordinal) ? !matched : matched;
        }
    }

    private static string LikeToRegex(string pattern) =>
        string.Concat(pattern.Select(ch => ch switch { '%' => ".*", '_' => ".", _ => Regex.Escape(ch.ToString()) }));

    internal static bool IsEmpty(JsonNode? node) =>
        node is null || (node is JsonValue v && v.GetValueKind() is JsonValueKind.False or JsonValueKind.Null);

    private static bool EqualsValue(JsonNode? value, JsonNode? operand)
    {
        if (IsEmpty(operand))
        {
            return IsEmpty(value) || (value is JsonValue b && b.GetValueKind() == JsonValueKind.False);
        }
        if (IsEmpty(value))
        {
            return false;
        }
        if (value is JsonValue a && operand is JsonValue o)
        {
            if (a.GetValueKind() == JsonValueKind.Number && o.GetValueKind() == JsonValueKind.Number)
            {
                return a.AsDouble() == o.AsDouble();
            }
            if (a.GetValueKind() is JsonValueKind.True && o.GetValueKind() is JsonValueKind.True)
            {
                return true;
            }
            return a.GetValueKind() == o.GetValueKind() && a.ToJsonString() == o.ToJsonString();
        }
        return JsonNode.DeepEquals(value, operand);
    }

    /// <summary>Orders two stored values as PostgreSQL would (numbers numerically, text ordinally).</summary>
    internal static int CompareValues(JsonNode? a, JsonNode? b)
    {
        if (a is JsonArray m2oA)
        {
            a = m2oA.Count > 0 ? m2oA[0] : null;
        }
        if (b is JsonArray m2oB)
        {
            b = m2oB.Count > 0 ? m2oB[0] : null;
        }
        if (a is JsonValue x && b is JsonValue y)
        {
            if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
            {
                return x.AsDouble().CompareTo(y.AsDouble());
            }
            if (x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String)
            {
                return string.CompareOrdinal(x.GetValue<string>(), y.GetValue<string>());
            }
            return string.CompareOrdinal(x.ToJsonString(), y.ToJsonString());
        }
        return 0;
    }

    internal static double ToDouble(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.AsDouble() : 0;

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
