using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>An Odoo datetime: UTC text <c>YYYY-MM-DD HH:MM:SS</c> without a zone, or <c>false</c>. Kept as Odoo's text.</summary>
public sealed class OdooDateTimeConverter : OdooTextConverter
{
    public override JsonObject Schema() => OdooSchemas.OrFalse(new JsonObject
    {
        ["type"] = "string",
        ["pattern"] = "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$",
        ["description"] = "UTC, Odoo's format (no time zone).",
        ["examples"] = new JsonArray("2025-11-15 17:00:00"),
    });
}
