using System.Text.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>Typed, validated reads of a JSON request body's fields. Every refusal names the field.</summary>
internal sealed class RequestBody(JsonObject body)
{
    /// <summary>Refuses fields the endpoint does not know, so a typo never silently does nothing.</summary>
    public void AllowOnly(IReadOnlyCollection<string> known)
    {
        var unknown = body.Select(property => property.Key).Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw ApiException.BadRequest($"Unknown field(s): {string.Join(", ", unknown)}. Allowed: {string.Join(", ", known)}.");
        }
    }

    public bool Has(string name) => body.ContainsKey(name);

    public long? PositiveId(string name) => Number(name) switch
    {
        null => null,
        { } value when value > 0 && value == decimal.Floor(value) && value <= long.MaxValue => (long)value,
        _ => throw ApiException.BadRequest($"'{name}' must be a positive whole number."),
    };

    public decimal? Quantity(string name, bool allowZero) => Number(name) switch
    {
        null => null,
        { } value when value > 0 || (allowZero && value == 0) => value,
        _ => throw ApiException.BadRequest($"'{name}' must be a number {(allowZero ? ">= 0" : "> 0")}."),
    };

    public string? Text(string name, int maxLength)
    {
        if (!TryGet(name, out var node))
        {
            return null;
        }

        if (node is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length > maxLength)
        {
            throw ApiException.BadRequest($"'{name}' must be text of at most {maxLength} characters.");
        }

        // PostgreSQL refuses NUL in text (Odoo would answer a 500 for the caller's typo), and no field the dashboard
        // writes is meant to hold a control character.
        var control = text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') is var c0 and >= 0 ? c0 : text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f');
        if (control >= 0)
        {
            throw ApiException.BadRequest(
                $"'{name}' must not contain control characters (U+{(int)text[control]:X4} at position {control.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return text;
    }

    public string? Date(string name) => TryGet(name, out _) ? DashboardDate.ToOdoo(Text(name, 64), name) : null;

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var node))
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<bool>(out var flag)
            ? flag
            : throw ApiException.BadRequest($"'{name}' must be true or false.");
    }

    /// <summary>Odoo's priority selection: "0" (normal) or "1" (urgent); 0 and 1 as numbers are accepted.</summary>
    public string? Priority(string name)
    {
        if (!TryGet(name, out var node))
        {
            return null;
        }

        var text = node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : (node as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
        return text is "0" or "1" ? text : throw ApiException.BadRequest($"'{name}' must be \"0\" (normal) or \"1\" (urgent).");
    }

    private decimal? Number(string name)
    {
        if (!TryGet(name, out var node))
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number)
            ? number
            : throw ApiException.BadRequest($"'{name}' must be a number.");
    }

    /// <summary>A present field; <c>null</c> is refused (ambiguous: clear it, or ignore it?).</summary>
    private bool TryGet(string name, out JsonNode node)
    {
        if (!body.TryGetPropertyValue(name, out var found))
        {
            node = null!;
            return false;
        }

        node = found ?? throw ApiException.BadRequest($"'{name}' must not be null.");
        return true;
    }
}
