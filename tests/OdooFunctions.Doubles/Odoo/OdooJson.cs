using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>Numbers out of JSON nodes whatever backs them (parsed JSON, or a CLR int/long/double set in code).</summary>
internal static class OdooJson
{
    public static long AsLong(this JsonNode node) => node.GetValue<object>() switch
    {
        JsonElement e when e.TryGetInt64(out var l) => l,
        JsonElement e => (long)e.GetDouble(),
        IConvertible c => c.ToInt64(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {node.ToJsonString()}"),
    };

    public static double AsDouble(this JsonNode node) => node.GetValue<object>() switch
    {
        JsonElement e => e.GetDouble(),
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {node.ToJsonString()}"),
    };
}
