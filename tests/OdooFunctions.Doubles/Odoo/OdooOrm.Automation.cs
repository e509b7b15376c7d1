using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The ORM's part for automation rules (webhook recordings, groups 03 and 11): who may touch the rule models, the
/// fields Odoo computes on them, x2many commands, and what Odoo does around a rule's create, write and unlink.
/// </summary>
internal sealed partial class OdooOrm
{
    /// <summary>17.0's and 18.0's computed name of a rule's webhook action (base_automation's _compute_name; 03-e).</summary>
    internal const string WebhookActionName17 = "Send Webhook Notification";

    // Only the administrator (the version's AdministratorGroup) may change these; the API user may read the model
    // registry, and the rules where the version lets it (17.0; on 18.0 and 19.0 even the write answers "access", 03-h).
    private static readonly Dictionary<string, (string Description, bool Rule)> AdminModels = new(StringComparer.Ordinal)
    {
        ["base.automation"] = ("Automation Rule", true),
        ["ir.actions.server"] = ("Server Action", true),
        ["ir.model"] = ("Models", false),
        ["ir.model.fields"] = ("Fields", false),
    };

    private OdooMethod WithAccessCheck(OdooModelSchema schema, OdooMethod method)
    {
        if (!AdminModels.TryGetValue(schema.Name, out var rights) || method.Name == "fields_get")
        {
            return method;
        }
        var readable = !rights.Rule || Version.RuleModelsReadableByUser;
        var operation = method.Name switch
        {
            "create" => "create",
            "write" => readable ? "modify" : "access",
            "unlink" => "delete",
            _ => readable ? null : "access",
        };
        if (operation is null)
        {
            return method;
        }
        return method with
        {
            Run = call => call.User.IsAdmin
                ? method.Run(call)
                : throw OdooServerError.AccessError(
                    $"You are not allowed to {operation} '{rights.Description}' ({schema.Name}) records.\n\nThis operation is allowed for the following groups:\n"
                    + $"\t- {Version.AdministratorGroup}\n\nContact your administrator to request access if necessary."),
        };
    }

    private static bool BelongsTo(JsonObject action, long ruleId) =>
        action["base_automation_id"] is JsonArray rule && rule.Count > 0 && rule[0]!.AsLong() == ruleId;

    /// <summary>The technical name of the record's model_id ("mrp.production").</summary>
    internal string? ModelName(JsonObject record) =>
        record["model_id"] is JsonArray model && model.Count > 0 ? _store.Find("ir.model", model[0]!.AsLong())?["model"]?.GetValue<string>() : null;

    private static void AddDefaults(OdooModelSchema schema, JsonObject values)
    {
        switch (schema.Name)
        {
            case "base.automation":
                values["active"] ??= true;
                values["filter_domain"] ??= false;
                values["filter_pre_domain"] ??= false;
                break;
            case "ir.actions.server":
                values["type"] = "ir.actions.server";
                values["state"] ??= "code";
                values["usage"] ??= "ir_actions_server";
                values["sequence"] ??= 5L;
                values["webhook_url"] ??= false;
                break;
        }
    }

    /// <summary>
    /// many2many values (a list of ids, or commands (6, 0, ids), (4, id), (3, id), (5,)) are stored on the record as ids;
    /// one2many commands ((0, 0, vals), (1, id, vals), (2, id), (3, id), (4, id), (5,), (6, 0, ids)) act on the comodel's
    /// inverse many2one. Unlinking from base.automation.action_server_ids deletes the action (ondelete='cascade').
    /// </summary>
    private void ApplyRelations(OdooInvocation call, OdooModelSchema schema, JsonObject record, JsonObject vals, bool creating)
    {
        foreach (var (field, value) in vals)
        {
            var type = schema.FieldType(field);
            if (type is not ("many2many" or "one2many"))
            {
                continue;
            }
            var relation = schema.Relation(field)!;
            var comodel = Schema(relation) ?? throw OdooServerError.ValueError($"Invalid field '{field}' on '{schema.Name}'");
            var commands = Commands(schema, field, value);
            if (type == "many2many")
            {
                var ids = creating || record[field] is not JsonArray stored ? [] : stored.Select(id => id!.AsLong()).ToList();
                foreach (var (code, id, values, list) in commands)
                {
                    switch (code)
                    {
                        case 0:
                            ids.Add(CreateRecord(call, comodel, values!));
                            break;
                        case 1:
                            WriteLinked(call, comodel, id, values!);
                            break;
                        case 2 or 3:
                            ids.Remove(id);
                            break;
                        case 4:
                            RequireExisting(call, relation, id);
                            if (!ids.Contains(id))
                            {
                                ids.Add(id);
                            }
                            break;
                        case 5:
                            ids.Clear();
                            break;
                        case 6:
                            list!.ForEach(linked => RequireExisting(call, relation, linked));
                            ids = [.. list!.Distinct()];
                            break;
                    }
                }
                record[field] = new JsonArray([.. ids.Select(id => (JsonNode?)id)]);
                continue;
            }
            var inverse = schema.Inverse(field)!;
            var parentId = record["id"]!.AsLong();
            var parent = _store.Many2One(schema.Name, parentId);
            List<long> Children() => [.. _store.Records(relation).Where(r => r[inverse] is JsonArray p && p.Count > 0 && p[0]!.AsLong() == parentId).Select(r => r["id"]!.AsLong())];
            foreach (var (code, id, values, list) in commands)
            {
                switch (code)
                {
                    case 0:
                        var childValues = (JsonObject)values!.DeepClone();
                        childValues[inverse] = parentId;
                        if (schema.Name == "base.automation")
                        {
                            // A rule's actions are the rule's: its model, and usage base_automation.
                            childValues["model_id"] ??= record["model_id"] is JsonArray m ? m[0]!.DeepClone() : null;
                            childValues["usage"] ??= "base_automation";
                        }
                        CreateRecord(call, comodel, childValues);
                        break;
                    case 1:
                        WriteLinked(call, comodel, id, values!);
                        break;
                    case 2 or 3:
                        RequireExisting(call, relation, id);
                        _store.Remove(relation, id);
                        RemoveDependents(comodel, id);
                        break;
                    case 4:
                        (_store.Find(relation, id) ?? throw Missing(call, relation, id))[inverse] = parent.DeepClone();
                        break;
                    case 5 or 6:
                        var keep = code == 6 ? list! : [];
                        foreach (var child in Children().Where(c => !keep.Contains(c)))
                        {
                            _store.Remove(relation, child);
                            RemoveDependents(comodel, child);
                        }
                        foreach (var linked in keep)
                        {
                            (_store.Find(relation, linked) ?? throw Missing(call, relation, linked))[inverse] = parent.DeepClone();
                        }
                        break;
                }
            }
        }
    }

    private static List<(int Code, long Id, JsonObject? Values, List<long>? Ids)> Commands(OdooModelSchema schema, string field, JsonNode? value)
    {
        if (OdooDomainFilter.IsEmpty(value))
        {
            return [(5, 0, null, null)];
        }
        if (value is not JsonArray items)
        {
            throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}");
        }
        // A plain list of ids replaces the set, as (6, 0, ids).
        if (items.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.Number))
        {
            return [(6, 0, null, [.. items.Select(i => i!.AsLong())])];
        }
        var commands = new List<(int, long, JsonObject?, List<long>?)>();
        foreach (var item in items)
        {
            if (item is not JsonArray { Count: > 0 } command || command[0] is not JsonValue codeNode || codeNode.GetValueKind() != JsonValueKind.Number)
            {
                throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}");
            }
            var code = (int)codeNode.AsLong();
            long Id() => command.Count > 1 && command[1] is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.AsLong() : 0;
            JsonObject Values() => command.Count > 2 && command[2] is JsonObject v ? v : throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}");
            commands.Add(code switch
            {
                0 => (0, 0, Values(), null),
                1 => (1, Id(), Values(), null),
                2 or 3 or 4 => (code, Id(), null, null),
                5 => (5, 0, null, null),
                6 => (6, 0, null, command.Count > 2 && command[2] is JsonArray ids ? [.. ids.Select(i => i!.AsLong())] : []),
                _ => throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}"),
            });
        }
        return commands;
    }

    private void WriteLinked(OdooInvocation call, OdooModelSchema comodel, long id, JsonObject vals)
    {
        var record = _store.Find(comodel.Name, id) ?? throw Missing(call, comodel.Name, id);
        var converted = Convert(call, comodel, vals);
        Step(call, comodel, record, r =>
        {
            foreach (var (key, value) in converted)
            {
                r[key] = value?.DeepClone();
            }
            ApplyRelations(call, comodel, r, vals, creating: false);
        }, [.. vals.Select(p => p.Key)]);
        if (comodel.Name == "stock.move")
        {
            // A component line written through its order: the order's own write computes its state.
            _moves.FollowReservation(record);
        }
        else
        {
            AfterWrite(call, comodel, record, vals);
        }
    }

    private void RequireExisting(OdooInvocation call, string model, long id)
    {
        if (_store.Find(model, id) is null)
        {
            throw Missing(call, model, id);
        }
    }

    private static OdooServerError Missing(OdooInvocation call, string model, long id) =>
        new("odoo.exceptions.MissingError", $"Record does not exist or has been deleted.\n(Record: {model}({id},), User: {call.User.Uid})");

    private void AfterCreate(OdooModelSchema schema, JsonObject record)
    {
        if (schema.Name == "ir.actions.server")
        {
            NameWebhookAction(record);
        }
    }

    private void AfterWrite(OdooInvocation call, OdooModelSchema schema, JsonObject record, JsonObject vals)
    {
        if (schema.Name == "stock.move")
        {
            AfterMoveWrite(call, record);
            return;
        }
        // The name is recomputed when what it depends on changes, unless the same write sets it.
        if (schema.Name == "ir.actions.server" && !vals.ContainsKey("name") && (vals.ContainsKey("state") || vals.ContainsKey("usage") || vals.ContainsKey("base_automation_id")))
        {
            NameWebhookAction(record);
        }
    }

    // 17.0 and 18.0 name a rule's webhook action themselves, whatever name it was given (03-e); 19.0 keeps the given name.
    private void NameWebhookAction(JsonObject action)
    {
        if (Version.WebhookActionNameComputed && action["usage"]?.ToString() == "base_automation" && action["state"]?.ToString() == "webhook")
        {
            action["name"] = WebhookActionName17;
        }
    }

    /// <summary>What goes with a deleted record: an order's moves; a rule's actions (ir.actions.server.base_automation_id is ondelete='cascade').</summary>
    private void RemoveDependents(OdooModelSchema schema, long id)
    {
        if (schema.Name == Productions)
        {
            RemoveMoves(id);
        }
        if (schema.Name == "base.automation")
        {
            foreach (var action in _store.Records("ir.actions.server").Where(a => BelongsTo(a, id)).Select(a => a["id"]!.AsLong()).ToList())
            {
                _store.Remove("ir.actions.server", action);
            }
        }
    }
}
