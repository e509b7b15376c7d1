using System.Text.Json;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Odoo;

// Odoo sends false for an empty field, whatever the field's type. These read a value of another type than the
// field's as empty rather than failing the record (an object or array is skipped whole).

/// <summary>Text, or null for <c>false</c> or anything else that is not text.</summary>
internal sealed class OdooTextConverter : ReadOnlyJsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }
}

/// <summary>A number, or 0 for <c>false</c>, <c>null</c> or anything else that is not a (finite) number.</summary>
internal sealed class OdooNumberConverter : ReadOnlyJsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            return number;
        }

        reader.Skip();
        return 0;
    }
}
