using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo;

/// <summary>
/// An Odoo search domain built in code: a list of <c>[field, operator, value]</c> conditions joined by AND.
/// Immutable; every <see cref="And(string, string, object?)"/> returns a new domain.
/// </summary>
public sealed class OdooDomain
{
    private readonly IReadOnlyList<(string Field, string Operator, JsonNode? Value)> _conditions;

    private OdooDomain(IReadOnlyList<(string, string, JsonNode?)> conditions) => _conditions = conditions;

    /// <summary>Matches every record.</summary>
    public static OdooDomain All { get; } = new([]);

    public static OdooDomain Where(string field, string @operator, object? value) => All.And(field, @operator, value);

    public OdooDomain And(string field, string @operator, object? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        ArgumentException.ThrowIfNullOrWhiteSpace(@operator);
        return new([.. _conditions, (field, @operator, OdooValues.ToNode(value))]);
    }

    public int Count => _conditions.Count;

    /// <summary>The domain as Odoo's wire form: <c>[["state","=","confirmed"], ...]</c>.</summary>
    public JsonArray ToJson()
    {
        var array = new JsonArray();
        foreach (var (field, op, value) in _conditions)
        {
            array.Add(new JsonArray(JsonValue.Create(field), JsonValue.Create(op), value?.DeepClone()));
        }

        return array;
    }

    /// <summary>Writes the wire form without building a <see cref="JsonArray"/> (the client's hot path).</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();

        // Indexed: foreach over the IReadOnlyList interface would allocate an enumerator per call.
        for (var i = 0; i < _conditions.Count; i++)
        {
            var (field, op, value) = _conditions[i];
            writer.WriteStartArray();
            writer.WriteStringValue(field);
            writer.WriteStringValue(op);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    public override string ToString() => ToJson().ToJsonString();
}
