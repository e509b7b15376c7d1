using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo;

/// <summary>Conversions between .NET values and Odoo's wire values (<c>false</c> for empty, many2one as <c>[id, "name"]</c>, zone-less UTC datetimes).</summary>
public static class OdooValues
{
    /// <summary>Odoo's datetime wire format: UTC, no zone.</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Formats an instant the way Odoo stores it: UTC, <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses an Odoo datetime (<c>YYYY-MM-DD HH:MM:SS</c>, UTC).</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, DateTimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>True for Odoo's "no value": JSON <c>false</c> or <c>null</c>.</summary>
    public static bool IsEmpty(JsonNode? node) =>
        node is null || (node is JsonValue v && v.TryGetValue<bool>(out var b) && !b);

    /// <summary>The id of a many2one value <c>[id, "name"]</c>; null when empty (<c>false</c>).</summary>
    public static long? Many2OneId(JsonNode? node) =>
        node is JsonArray { Count: > 0 } pair && pair[0] is JsonValue id && id.TryGetValue<long>(out var value) ? value : null;

    /// <summary>Converts a .NET value to its JSON wire form (DateTimeOffset as an Odoo datetime, sequences as arrays).</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTimeOffset dto => JsonValue.Create(FormatDateTime(dto)),
        DateTime dt => JsonValue.Create(FormatDateTime(new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)))),
        IEnumerable sequence => new JsonArray([.. sequence.Cast<object?>().Select(ToNode)]),
        _ => throw new ArgumentException($"Cannot send a value of type {value.GetType().Name} to Odoo.", nameof(value)),
    };
}
