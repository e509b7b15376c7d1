using System.Text.Json.Nodes;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// The guide's view of one Odoo model: which fields to ask the server for (only those it has) and how to turn
/// its records into the dashboard's field names, whatever the Odoo version.
/// </summary>
public sealed class RecordShape(string model, IReadOnlyList<GuideField> fields)
{
    public string Model { get; } = model;

    public IReadOnlyList<GuideField> Fields { get; } = fields;

    /// <summary>The Odoo fields to request from a server that has <paramref name="serverFields"/>.</summary>
    public IReadOnlyCollection<string> OdooFieldsFor(IReadOnlyDictionary<string, OdooField> serverFields)
    {
        var names = new List<string>(Fields.Count + 2);
        foreach (var field in Fields)
        {
            foreach (var source in field.Sources)
            {
                if ((source == "id" || serverFields.ContainsKey(source)) && !names.Contains(source))
                {
                    names.Add(source);
                }
            }
        }

        return names;
    }

    /// <summary>The record under the guide's names, in the guide's order.</summary>
    public JsonObject ToGuide(JsonObject record, IReadOnlyDictionary<string, OdooField> serverFields)
    {
        var shaped = new JsonObject();
        foreach (var field in Fields)
        {
            if (field.Read is not null)
            {
                shaped[field.Name] = field.Read(record, serverFields);
                continue;
            }

            var source = field.Name == "id" ? "id" : field.SourceOn(serverFields);
            shaped[field.Name] = source is not null && record.TryGetPropertyValue(source, out var value)
                ? value?.DeepClone()
                : JsonValue.Create(false);
        }

        return shaped;
    }
}
