using System.Globalization;
using System.Text.Json;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Dashboard;

// The rules by which GET /orders is read (DashboardOrderPage). None fails on a value of another type than its own:
// it reads as absent or unreadable, and the client decides what that means. An object or array is skipped whole.

/// <summary>An array is the orders, an object the envelope; anything else is neither.</summary>
internal sealed class DashboardOrderPageConverter : ReadOnlyJsonConverter<DashboardOrderPage>
{
    public override DashboardOrderPage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                return new DashboardOrderPage(DashboardOrderListConverter.ReadEntries(ref reader), Envelope: null);
            case JsonTokenType.StartObject:
                return new DashboardOrderPage(Orders: null, JsonSerializer.Deserialize(ref reader, DashboardJsonContext.Default.DashboardOrderEnvelope));
            default:
                reader.Skip();
                return new DashboardOrderPage(Orders: null, Envelope: null);
        }
    }
}

/// <summary>An array's entries (null for an entry that is no object); null for anything but an array.</summary>
internal sealed class DashboardOrderListConverter : ReadOnlyJsonConverter<IReadOnlyList<DashboardOrderEntry?>?>
{
    public override IReadOnlyList<DashboardOrderEntry?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return ReadEntries(ref reader);
        }

        reader.Skip();
        return null;
    }

    internal static List<DashboardOrderEntry?> ReadEntries(ref Utf8JsonReader reader)
    {
        var entries = new List<DashboardOrderEntry?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                entries.Add(JsonSerializer.Deserialize(ref reader, DashboardJsonContext.Default.DashboardOrderEntry));
            }
            else
            {
                reader.Skip();
                entries.Add(null);
            }
        }

        return entries;
    }
}

/// <summary>A <c>pagination</c> object; null for anything else.</summary>
internal sealed class DashboardPaginationConverter : ReadOnlyJsonConverter<DashboardPagination?>
{
    public override DashboardPagination? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonSerializer.Deserialize(ref reader, DashboardJsonContext.Default.DashboardPagination);
        }

        reader.Skip();
        return null;
    }
}

/// <summary>true or false; null for anything else.</summary>
internal sealed class BoolOnlyConverter : ReadOnlyJsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                reader.Skip();
                return null;
        }
    }
}

/// <summary>Text; null for <c>null</c>; unreadable for anything else.</summary>
internal sealed class ReadableTextConverter : ReadOnlyJsonConverter<Readable<string?>>
{
    public override Readable<string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new(reader.GetString());
            case JsonTokenType.Null:
                return new(null);
            default:
                reader.Skip();
                return new(null, Unreadable: true);
        }
    }
}

/// <summary>A whole number that fits an <see cref="int"/>; null for <c>null</c>; unreadable for anything else.</summary>
internal sealed class ReadableWholeNumberConverter : ReadOnlyJsonConverter<Readable<int?>>
{
    public override Readable<int?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            return new(number);
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return new(null);
        }

        reader.Skip();
        return new(null, Unreadable: true);
    }
}

/// <summary>
/// <c>qty_produced</c> is compared as a number whatever the dashboard stores: missing or <c>null</c> is nothing produced
/// yet (0), <c>"3"</c> is 3; anything else is unreadable.
/// </summary>
internal sealed class QuantityConverter : ReadOnlyJsonConverter<Readable<double>>
{
    public override Readable<double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new(0);
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                return new(number);
            case JsonTokenType.String when double.TryParse(reader.GetString()!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                && double.IsFinite(parsed):
                return new(parsed);
            default:
                reader.Skip();
                return new(0, Unreadable: true);
        }
    }
}

/// <summary>An order's <c>_id</c>: non-empty text, or a whole number written as text; null for anything else.</summary>
internal sealed class DashboardOrderIdConverter : ReadOnlyJsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        reader.Skip();
        return null;
    }
}

/// <summary>
/// <c>odoo_mo_id</c>: a positive whole number, also written as a float (<c>12.0</c>) or as digits (<c>"12"</c>);
/// 0 (no link) for anything else.
/// </summary>
internal sealed class MoIdConverter : ReadOnlyJsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var id) && id > 0:
                return id;
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && number > 0 && number == Math.Floor(number) && number < long.MaxValue:
                return (long)number;
            case JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0:
                return id;
            default:
                reader.Skip();
                return 0;
        }
    }
}
