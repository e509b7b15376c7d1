using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Models.Json;

internal static class OdooSchemas
{
    /// <summary>Odoo's empty value beside <paramref name="schema"/>: <c>false</c>, whatever the field's type.</summary>
    public static JsonObject OrFalse(JsonObject schema) => new()
    {
        ["anyOf"] = new JsonArray(schema, new JsonObject { ["const"] = false }),
    };
}
