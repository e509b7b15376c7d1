using System.Text.Json.Serialization;
using OdooFunctions.Odoo.Models.Json;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// What Odoo has committed of one manufacturing order's progress: its state, the quantity produced, and the
/// <c>write_date</c> (whole seconds, as a read gives it) that dates them. What the status sync and the push compare.
/// </summary>
/// <param name="State">Odoo's name as sent (null when it is no text).</param>
/// <param name="QtyProduced">0 when Odoo sent no number.</param>
public sealed record ManufacturingOrderProgress(
    [property: JsonPropertyName("id"), JsonRequired] long Id,
    [property: JsonPropertyName("state"), JsonConverter(typeof(OdooTextConverter))] string? State,
    [property: JsonPropertyName("qty_produced"), JsonConverter(typeof(OdooFloatConverter))] double QtyProduced,
    [property: JsonPropertyName("write_date"), JsonConverter(typeof(OdooTimestampConverter))] DateTime? WriteDate)
{
    /// <summary>The <c>mrp.production</c> fields it is read from (Odoo always adds <c>id</c>).</summary>
    public static IReadOnlyList<string> Fields { get; } = ["state", "qty_produced", "write_date"];
}
