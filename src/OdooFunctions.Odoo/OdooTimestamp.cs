using System.Globalization;

namespace OdooFunctions.Odoo;

/// <summary>
/// Odoo's UTC datetimes: a webhook payload has microseconds (<c>2026-12-01 18:29:16.175821</c>), a <c>read</c> gives
/// seconds (<c>2026-12-01 18:29:16</c>). <see cref="Parse"/> reads both; compare them with <see cref="ToSecond"/>.
/// </summary>
public static class OdooTimestamp
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"];

    public static DateTime? Parse(string? text) =>
        DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public static DateTime ToSecond(DateTime value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
