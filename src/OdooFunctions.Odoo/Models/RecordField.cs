using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// One field of a model record (its JSON name) and where it lives on one Odoo release.
/// By default the record's name is the Odoo name; a field the release lacks (no sources) reads <c>false</c>, as Odoo
/// reports empty values.
/// </summary>
/// <param name="Name">The record's name for it (the integration guide's), e.g. <c>date_planned_start</c>.</param>
/// <param name="Sources">The Odoo fields to read for it on this release: the first one is the value (e.g. <c>date_start</c> for <c>date_planned_start</c>).</param>
/// <param name="Read">Optional: computes the value from the Odoo record when a plain copy is not enough.</param>
internal sealed record RecordField(string Name, IReadOnlyList<string> Sources, Func<JsonObject, JsonNode?>? Read = null)
{
    public static RecordField Same(string name) => new(name, [name]);

    /// <summary>A field this release does not have: it reads <c>false</c>.</summary>
    public static RecordField Absent(string name) => new(name, []);

    /// <summary>The Odoo field that holds the value, if the release has one.</summary>
    public string? Source => Sources.Count > 0 ? Sources[0] : null;
}
