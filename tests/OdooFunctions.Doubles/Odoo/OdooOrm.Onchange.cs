using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// 16.0's onchange(ids, values, field_name, field_onchange) on mrp.production (odoo/models.py): what the web form asks
/// when a field changes. The order as the form holds it (the stored record with <c>values</c> over it, the component
/// lines linked or given by x2many commands) runs the field's onchange methods (qty_producing: _onchange_producing →
/// _set_qty_producing), and the answer names what they changed; a changed x2many is sent as [(5,), (1, id, {…}) …]
/// with every subfield the spec asks for (17-i). Nothing is written.
/// </summary>
internal sealed partial class OdooOrm
{
    // The fields whose change runs _onchange_producing (@api.onchange('qty_producing', 'lot_producing_id')).
    private static readonly HashSet<string> ProducingTriggers = ["qty_producing", "lot_producing_id"];

    private JsonObject Onchange(OdooInvocation call)
    {
        if (call.Arg("values") is not JsonObject values)
        {
            throw OdooServerError.ValueError($"Invalid onchange values: {OdooPython.Repr(call.Arg("values"))}");
        }
        var spec = call.Arg("field_onchange") as JsonObject ?? [];
        var changed = call.Arg("field_name") switch
        {
            JsonArray names => names.Select(n => n?.ToString() ?? "").ToList(),
            JsonValue name when name.GetValueKind() == JsonValueKind.String => [name.GetValue<string>()],
            _ => [],
        };
        var schema = call.Schema;
        var stored = call.Ids.Count > 0 ? Existing(call, schema, [call.Ids[0]])[0] : null;

        // The form's order: the stored record with the form's values over it; x2many values become line snapshots.
        var order = (JsonObject?)stored?.DeepClone() ?? [];
        var lines = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            if (!schema.HasField(field))
            {
                throw OdooServerError.ValueError(InvalidField(field, schema.Name));
            }
            if (schema.FieldType(field) == "one2many")
            {
                lines[field] = FormLines(call, schema, field, value);
            }
            else if (Convert(call, schema, new JsonObject { [field] = value?.DeepClone() })[field] is { } converted)
            {
                order[field] = converted.DeepClone();
            }
        }
        var before = lines.ToDictionary(l => l.Key, l => l.Value.Select(line => (JsonObject)line.DeepClone()).ToList());
        var orderBefore = (JsonObject)order.DeepClone();

        if (schema.Name == Productions && changed.Any(ProducingTriggers.Contains) && lines.TryGetValue("move_raw_ids", out var raw))
        {
            // _set_qty_producing on the form: each open component line consumes its share of qty_producing.
            var producing = Number(order["qty_producing"]) - Number(order["qty_produced"]);
            foreach (var line in raw.Where(l => l["state"]?.GetValue<string>() is not ("done" or "cancel")))
            {
                line["quantity_done"] = OdooJson.PythonFloat(Math.Round(producing * OdooStockMoves.UnitFactor(line, order) * 100, MidpointRounding.AwayFromZero) / 100);
            }
        }

        var answer = new JsonObject();
        foreach (var field in schema.Fields.Select(f => f.Key).Concat(schema.UnlistedFields.Select(f => f.Key)).Where(spec.ContainsKey))
        {
            if (lines.TryGetValue(field, out var after))
            {
                if (!after.Zip(before[field]).All(p => JsonNode.DeepEquals(p.First, p.Second)))
                {
                    answer[field] = LineCommands(schema, field, after, spec);
                }
            }
            else if (!JsonNode.DeepEquals(order[field], orderBefore[field]))
            {
                answer[field] = order[field]?.DeepClone();
            }
        }
        return new JsonObject { ["value"] = answer };
    }

    /// <summary>The lines of an x2many field as the form holds them after its commands: (4, id) links a stored record, (1, id, vals) changes one, (0, _, vals) adds one, (5) and (6, 0, ids) replace them.</summary>
    private List<JsonObject> FormLines(OdooInvocation call, OdooModelSchema schema, string field, JsonNode? value)
    {
        var comodel = Schema(schema.Relation(field)!)!;
        var lines = new List<JsonObject>();
        JsonObject Stored(long id) => (JsonObject)(_store.Find(comodel.Name, id) ?? throw Missing(call, comodel.Name, id)).DeepClone();
        foreach (var (code, id, vals, ids) in Commands(schema, field, value))
        {
            switch (code)
            {
                case 0:
                    lines.Add(Convert(call, comodel, vals!));
                    break;
                case 1:
                    var line = lines.FirstOrDefault(l => l["id"]?.AsLong() == id) ?? Stored(id);
                    foreach (var (key, converted) in Convert(call, comodel, vals!))
                    {
                        line[key] = converted?.DeepClone();
                    }
                    if (!lines.Contains(line))
                    {
                        lines.Add(line);
                    }
                    break;
                case 2 or 3:
                    lines.RemoveAll(l => l["id"]?.AsLong() == id);
                    break;
                case 4:
                    if (!lines.Any(l => l["id"]?.AsLong() == id))
                    {
                        lines.Add(Stored(id));
                    }
                    break;
                case 5:
                    lines.Clear();
                    break;
                case 6:
                    lines = [.. ids!.Select(Stored)];
                    break;
            }
        }
        return lines;
    }

    /// <summary>[(5,), (1, id, {subfields}) …]: the lines with the subfields the spec asks for ("move_raw_ids.quantity_done"), in the comodel's field order.</summary>
    private JsonArray LineCommands(OdooModelSchema schema, string field, List<JsonObject> lines, JsonObject spec)
    {
        var comodel = Schema(schema.Relation(field)!)!;
        var prefix = field + ".";
        var subfields = comodel.Fields.Select(f => f.Key).Where(f => spec.ContainsKey(prefix + f)).ToList();
        var commands = new JsonArray(new JsonArray(5, 0, 0));
        foreach (var line in lines)
        {
            var values = new JsonObject();
            foreach (var subfield in subfields)
            {
                values[subfield] = ReadValue(comodel, line, subfield);
            }
            commands.Add(line["id"] is JsonValue id ? new JsonArray(1, id.DeepClone(), values) : new JsonArray(0, 0, values));
        }
        return commands;
    }
}
