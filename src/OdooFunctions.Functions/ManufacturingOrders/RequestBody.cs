using System.Text.Json;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// Typed, validated reads of a request body's fields, each value as its wire record holds it
/// (<see cref="JsonValueKind.Undefined"/>: absent). Every refusal names the field.
/// </summary>
internal static class RequestBody
{
    public static long? PositiveId(string name, JsonElement value) => Number(name, value) switch
    {
        null => null,
        { } number when number > 0 && number == decimal.Floor(number) && number <= long.MaxValue => (long)number,
        _ => throw new InvalidRequestException($"'{name}' must be a positive whole number."),
    };

    public static decimal? Quantity(string name, JsonElement value, bool allowZero) => Number(name, value) switch
    {
        null => null,
        { } number when number > 0 || (allowZero && number == 0) => number,
        _ => throw new InvalidRequestException($"'{name}' must be a number {(allowZero ? ">= 0" : "> 0")}."),
    };

    public static string? Text(string name, JsonElement value, int maxLength)
    {
        if (!Present(name, value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { } text || text.Length > maxLength)
        {
            throw new InvalidRequestException($"'{name}' must be text of at most {maxLength} characters.");
        }

        // PostgreSQL refuses NUL in text (Odoo would answer a 500 for the caller's typo), and no field the dashboard
        // writes is meant to hold a control character.
        var control = text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') is var c0 and >= 0 ? c0 : text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f');
        if (control >= 0)
        {
            throw new InvalidRequestException(
                $"'{name}' must not contain control characters (U+{(int)text[control]:X4} at position {control.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return text;
    }

    public static string? Date(string name, JsonElement value) => Present(name, value) ? DashboardDate.ToOdoo(Text(name, value, 64), name) : null;

    public static bool? Bool(string name, JsonElement value)
    {
        if (!Present(name, value))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new InvalidRequestException($"'{name}' must be true or false.");
    }

    /// <summary>Odoo's priority selection: "0" (normal) or "1" (urgent); 0 and 1 as numbers are accepted.</summary>
    public static string? Priority(string name, JsonElement value)
    {
        if (!Present(name, value))
        {
            return null;
        }

        // A number as written: 0 and 1 pass, 1.0 or 1e0 do not.
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return text is "0" or "1" ? text : throw new InvalidRequestException($"'{name}' must be \"0\" (normal) or \"1\" (urgent).");
    }

    private static decimal? Number(string name, JsonElement value)
    {
        if (!Present(name, value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new InvalidRequestException($"'{name}' must be a number.");
    }

    /// <summary>Whether the field was sent; <c>null</c> is refused (ambiguous: clear it, or ignore it?).</summary>
    private static bool Present(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => false,
        JsonValueKind.Null => throw new InvalidRequestException($"'{name}' must not be null."),
        _ => true,
    };
}
