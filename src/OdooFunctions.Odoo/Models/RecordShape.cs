using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Models;

/// <summary>
/// One model's fields on one release: which fields to ask the server for and how to turn its records into the
/// model record's names (the same on every release). Each typed client makes one per row of the release table.
/// </summary>
internal sealed class RecordShape(string model, IReadOnlyList<RecordField> fields)
{
    public string Model { get; } = model;

    public IReadOnlyList<RecordField> Fields { get; } = fields;

    // A source more than one plain field reads is copied, not taken: the second field must still find it.
    private readonly HashSet<string> _sharedSources = [.. fields.Where(f => f.Read is null).SelectMany(f => f.Sources)
        .GroupBy(source => source).Where(group => group.Count() > 1).Select(group => group.Key)];

    /// <summary>The Odoo fields to request, each once, in the record's order.</summary>
    public IReadOnlyCollection<string> OdooFields { get; } = [.. fields.SelectMany(field => field.Sources).Distinct()];

    /// <summary>
    /// The record under the model record's names, in its order. Takes the values out of <paramref name="record"/>
    /// (the client's answer, read once) instead of copying them: a copy of a parsed value duplicates its JSON document.
    /// </summary>
    public JsonObject ToRecord(JsonObject record)
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
                var source = field.Source;
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