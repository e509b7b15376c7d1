using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Models.Json;

/// <summary>
/// A converter that writes a value Odoo's way (<c>false</c> for empty, <c>[id, "name"]</c>, <c>3.0</c>) also says what
/// that looks like as JSON Schema, since a schema generator cannot see inside a converter.
/// </summary>
public interface IOdooValueSchema
{
    /// <summary>The JSON Schema (2020-12) of the values the converter writes.</summary>
    JsonObject Schema();
}
