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

    /// <summary>A float as Python's json writes it: whole numbers keep ".0" (7.0), others the shortest repr (14.2).</summary>
    public static JsonNode PythonFloat(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }
        return JsonNode.Parse(text)!;
    }

    public static double AsDouble(this JsonNode node) => node.GetValue<object>() switch
    {
        JsonElement e => e.GetDouble(),
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not a number: {node.ToJsonString()}"),
    };
}
