using System.Globalization;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Http;

/// <summary>Dates the dashboard sends: Odoo's <c>YYYY-MM-DD HH:MM:SS</c> (UTC) or ISO 8601 (converted to UTC; no offset means UTC).</summary>
public static class DashboardDate
{
    private static readonly string[] Formats =
    [
        OdooValues.DateTimeFormat,
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm",
    ];

    /// <summary>The value in Odoo's form, or a 400 naming <paramref name="field"/>.</summary>
    public static string ToOdoo(string? text, string field) =>
        text is not null && DateTimeOffset.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? OdooValues.FormatDateTime(value)
            : throw new InvalidRequestException($"'{field}' must be a date and time as 'YYYY-MM-DD HH:MM:SS' (UTC) or ISO 8601, e.g. 2025-11-15T17:00:00Z.");
}
