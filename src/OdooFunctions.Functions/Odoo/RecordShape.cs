using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// The guide's view of one Odoo model on one release: which fields to ask the server for and how to turn its records
/// into the dashboard's field names. Each model's shapes are made per row of the release table (<c>PerRelease</c>).
/// </summary>
public sealed class RecordShape(string model, IReadOnlyList<GuideField> fields)
{
    public string Model { get; } = model;

    public IReadOnlyList<GuideField> Fields { get; } = fields;

    // A source more than one plain field reads is copied, not taken: the second field must still find it.
    private readonly HashSet<string> _sharedSources = [.. fields.Where(f => f.Read is null).SelectMany(f => f.Sources)
        .GroupBy(source => source).Where(group => group.Count() > 1).Select(group => group.Key)];

    /// <summary>The Odoo fields to request, each once, in the guide's order.</summary>
    public IReadOnlyCollection<string> OdooFields { get; } = [.. fields.SelectMany(field => field.Name == "id" ? ["id"] : field.Sources).Distinct()];

    /// <summary>
    /// The record under the guide's names, in the guide's order. Takes the values out of <paramref name="record"/>
    /// (the client's answer, read once) instead of copying them: a copy of a parsed value duplicates its JSON document.
    /// </summary>
    public JsonObject ToGuide(JsonObject record)
    {
        // Computed fields first, while the record still holds everything they read.
        var values = new JsonNode?[Fields.Count];
        for (var i = 0; i < Fields.Count; i++)
        {
            if (Fields[i].Read is { } read)
            {
                values[i] = read(record);
            }
        }

        var shaped = new JsonObject();
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            if (field.Read is null)
            {
                var source = field.Name == "id" ? "id" : field.Source;
                values[i] = source is not null && record.TryGetPropertyValue(source, out var value)
                    ? _sharedSources.Contains(source) ? value?.DeepClone() : Detach(record, source, value)
                    : JsonValue.Create(false);
            }

            shaped[field.Name] = values[i];
        }

        return shaped;
    }

    private static JsonNode? Detach(JsonObject record, string source, JsonNode? value)
    {
        record.Remove(source);
        return value;
    }
}