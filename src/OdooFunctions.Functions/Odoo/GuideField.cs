using System.Text.Json.Nodes;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// One field of the dashboard's contract (the guide's name) and where it lives on the connected Odoo server.
/// By default the guide name is the Odoo name and a field the server lacks reads <c>false</c>, as Odoo reports empty values.
/// </summary>
/// <param name="Name">The name the dashboard uses.</param>
/// <param name="Sources">Odoo field names to read, first existing one wins (e.g. <c>date_planned_start</c>, then <c>date_start</c>).</param>
/// <param name="Read">Optional: computes the value from the Odoo record when a plain copy is not enough.</param>
public sealed record GuideField(string Name, IReadOnlyList<string> Sources, Func<JsonObject, IReadOnlyDictionary<string, OdooField>, JsonNode?>? Read = null)
{
    public static GuideField Same(string name) => new(name, [name]);

    /// <summary>The Odoo field this server has for it, if any.</summary>
    public string? SourceOn(IReadOnlyDictionary<string, OdooField> fields) => Sources.FirstOrDefault(fields.ContainsKey);
}
