using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>What the double knows about one Odoo model in one server version: its fields and ordering.</summary>
internal sealed class OdooModelSchema(string name, string description, string pythonClass, string defaultOrder, JsonObject fields, IReadOnlyList<string> allFields)
{
    // Fields every Odoo model has; readable and searchable even when the trimmed fields_get does not list them.
    // create_uid is the user who created the record: how a client finds out whether its own create went through.
    private static readonly string[] MagicFields = ["id", "display_name", "create_uid", "create_date", "write_date"];

    public string Name { get; } = name;

    /// <summary>The model's _description, used in validation messages ("Manufacturing Order").</summary>
    public string Description { get; } = description;

    /// <summary>The Python class name that TypeErrors name ("MrpProduction").</summary>
    public string PythonClass { get; } = pythonClass;

    public string DefaultOrder { get; } = defaultOrder;

    /// <summary>fields_get attributes per field, in the server's order.</summary>
    public JsonObject Fields { get; } = fields;

    /// <summary>The fields a read without a field list returns, in the server's order.</summary>
    public IReadOnlyList<string> AllFields { get; } = allFields;

    /// <summary>Fields the server accepts in a write but silently leaves unchanged (date_deadline up to 18.0).</summary>
    public ISet<string> WriteIgnored { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Fields a create must set (required, no default).</summary>
    public IList<string> CreateRequired { get; } = [];

    /// <summary>
    /// Fields the model has that the recorded fields_get leaves out (it was trimmed to the fields the recordings used):
    /// readable, writable and searchable like the others, but fields_get does not list them, as in the recordings.
    /// </summary>
    public JsonObject UnlistedFields { get; } = [];

    public bool HasField(string field) =>
        Fields.ContainsKey(field) || UnlistedFields.ContainsKey(field) || MagicFields.Contains(field) || AllFields.Contains(field);

    public string FieldType(string field) => field switch
    {
        "id" => "integer",
        "create_date" or "write_date" => "datetime",
        "create_uid" => "many2one",
        _ => Definition(field)?["type"]?.GetValue<string>() ?? "char",
    };

    public string FieldLabel(string field) => field == "create_uid" ? "Created by" : Definition(field)?["string"]?.GetValue<string>() ?? field;

    public string? Relation(string field) => field == "create_uid" ? "res.users" : Definition(field)?["relation"]?.GetValue<string>();

    /// <summary>The field's fields_get attributes, listed or not (null for magic fields).</summary>
    public JsonNode? Definition(string field) => Fields[field] ?? UnlistedFields[field];

    /// <summary>A one2many's inverse many2one on the comodel (relation_field).</summary>
    public string? Inverse(string field) => Definition(field)?["relation_field"]?.GetValue<string>();
}
