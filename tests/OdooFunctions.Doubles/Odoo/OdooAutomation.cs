using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// Odoo's base_automation, as far as webhooks go: for every change the ORM reports, the active rules on the record's
/// model whose trigger matches queue their "Send Webhook Notification" actions in the call's transaction, with the
/// payload read at that moment (as Odoo reads it when the rule fires). The server sends them: 17.0 and 18.0 before the
/// commit, 19.0 after it (<see cref="OdooVersion.WebhooksAfterCommit"/>, <see cref="OdooDoubleServer"/>). 16.0 has no webhook action.
/// </summary>
/// <remarks>
/// Triggers: on_create (created records), on_write (changes of the trigger fields, or of any field without trigger
/// fields; a new MO's computed state counts as a change), on_create_or_write (both: 2 POSTs for a new MO, 11-c).
/// filter_domain and filter_pre_domain apply when set. Other triggers and other kinds of actions do nothing. Odoo's own
/// internal writes (11-f: 8 POSTs on 17.0 for one create without trigger fields) are not imitated: the double writes
/// once per step.
/// </remarks>
internal sealed class OdooAutomation(OdooRecordStore store, OdooSeed seed, bool enabled)
{

    /// <summary>A record was created; <paramref name="computed"/> are fields Odoo computed for it (an MO's state).</summary>
    public void Created(OdooInvocation call, OdooModelSchema schema, JsonObject record, IReadOnlyCollection<string> computed)
    {
        if (computed.Count > 0)
        {
            Fire(call, schema, null, record, computed, creation: false);
        }
        Fire(call, schema, null, record, [], creation: true);
    }

    /// <summary>One step changed <paramref name="changed"/> of a record (before: as it was).</summary>
    public void Written(OdooInvocation call, OdooModelSchema schema, JsonObject before, JsonObject after, IReadOnlyCollection<string> changed)
    {
        if (changed.Count > 0)
        {
            Fire(call, schema, before, after, changed, creation: false);
        }
    }

    private void Fire(OdooInvocation call, OdooModelSchema schema, JsonObject? before, JsonObject record, IReadOnlyCollection<string> changed, bool creation)
    {
        if (!enabled || store.Current is not { } transaction)
        {
            return;
        }
        foreach (var rule in Rules(schema.Name))
        {
            var trigger = rule["trigger"]?.ToString();
            if (creation ? trigger is not ("on_create" or "on_create_or_write") : trigger is not ("on_write" or "on_create_or_write"))
            {
                continue;
            }
            var watched = FieldNames(rule["trigger_field_ids"]);
            if (!creation && watched.Count > 0 && !watched.Overlaps(changed))
            {
                continue;
            }
            if (!Matches(rule["filter_domain"], schema, record) || (before is not null && !Matches(rule["filter_pre_domain"], schema, before)))
            {
                continue;
            }
            foreach (var action in WebhookActions(rule["id"]!.AsLong()))
            {
                if (action["webhook_url"] is not JsonValue url || url.GetValueKind() != JsonValueKind.String || url.GetValue<string>().Length == 0)
                {
                    continue;
                }
                var recordId = record["id"]!.AsLong();
                transaction.Webhooks.Add(new OdooWebhookCall(url.GetValue<string>(), Payload(action, schema, record), call.Name, schema.Name, recordId,
                    rule["id"]!.AsLong(), action["id"]!.AsLong(), DateTimeOffset.UtcNow));
            }
        }
    }

    /// <summary>The body Odoo POSTs: json.dumps(sort_keys=True) of _action, _id, _model and the webhook fields as read(load=None) gives them.</summary>
    public string Payload(JsonObject action, OdooModelSchema schema, JsonObject record)
    {
        var values = new JsonObject
        {
            ["_action"] = $"{action["name"]}(#{action["id"]})",
            ["_id"] = record["id"]!.DeepClone(),
            ["_model"] = schema.Name,
        };
        foreach (var field in FieldNames(action["webhook_field_ids"]))
        {
            values[field] = LoadNone(schema, record, field);
        }
        return PythonJson.Dumps(values, sortKeys: true);
    }

    /// <summary>
    /// The action's webhook_sample_payload: the webhook of <paramref name="sample"/> (the model's first record) as
    /// json.dumps(indent=4, sort_keys=True); 17.0 names it with "_name" (no "_action"/"_id"), 18.0 and 19.0 as real POSTs (03-e).
    /// </summary>
    public string? SamplePayload(JsonObject action, OdooModelSchema? schema, JsonObject? sample)
    {
        if (action["state"]?.ToString() != "webhook" || schema is null)
        {
            return null;
        }
        var fields = FieldNames(action["webhook_field_ids"]);
        var values = seed.Version.SamplePayloadAsPosts
            ? new JsonObject { ["_action"] = $"{action["name"]}(#{action["id"]})", ["_id"] = sample?["id"]?.DeepClone() ?? 1, ["_model"] = schema.Name }
            : new JsonObject { ["id"] = sample is not null && fields.Count > 0 ? sample["id"]!.DeepClone() : 1, ["_model"] = schema.Name, ["_name"] = action["name"]?.DeepClone() };
        if (sample is not null)
        {
            foreach (var field in fields)
            {
                values[field] = LoadNone(schema, sample, field);
            }
        }
        return PythonJson.Dumps(values, sortKeys: true, indent: 4);
    }

    // read(load=None): many2one as the bare id, datetimes as Python's str() (microseconds kept), floats as floats.
    private static JsonNode? LoadNone(OdooModelSchema schema, JsonObject record, string field)
    {
        if (field == "display_name" && record["display_name"] is null)
        {
            return OdooRecordStore.DisplayName(schema.Name, record);
        }
        var value = record[field];
        if (OdooDomainFilter.IsEmpty(value))
        {
            return field == "id" ? record["id"]!.DeepClone() : false;
        }
        return schema.FieldType(field) switch
        {
            "many2one" => value is JsonArray { Count: > 0 } m2o ? m2o[0]!.DeepClone() : value!.DeepClone(),
            "float" or "monetary" when value is JsonValue number && number.GetValueKind() == JsonValueKind.Number => OdooJson.PythonFloat(number.AsDouble()),
            // str(datetime) leaves out a zero microsecond part.
            "datetime" when value is JsonValue text && text.GetValueKind() == JsonValueKind.String => text.GetValue<string>().Replace(".000000", "", StringComparison.Ordinal),
            _ => value!.DeepClone(),
        };
    }

    /// <summary>The active rules on <paramref name="model"/>, in order.</summary>
    private List<JsonObject> Rules(string model) =>
        store.Records("base.automation")
            .Where(r => r["active"] is not JsonValue a || a.GetValueKind() != JsonValueKind.False)
            .Where(r => r["model_id"] is JsonArray { Count: > 0 } m && store.Find("ir.model", m[0]!.AsLong())?["model"]?.ToString() == model)
            .OrderBy(r => r["id"]!.AsLong())
            .ToList();

    private List<JsonObject> WebhookActions(long ruleId) =>
        [.. store.Records("ir.actions.server")
            .Where(a => a["base_automation_id"] is JsonArray { Count: > 0 } rule && rule[0]!.AsLong() == ruleId && a["state"]?.ToString() == "webhook")
            .OrderBy(a => OdooDomainFilter.ToDouble(a["sequence"])).ThenBy(a => a["name"]?.ToString(), StringComparer.Ordinal).ThenBy(a => a["id"]!.AsLong())];

    private HashSet<string> FieldNames(JsonNode? ids) =>
        ids is JsonArray list
            ? [.. list.Select(id => store.Find("ir.model.fields", id!.AsLong())?["name"]?.GetValue<string>()).OfType<string>()]
            : [];

    // A rule's domain is Python source ("[('state', '=', 'done')]"): literals only, as the double has no safe_eval.
    private bool Matches(JsonNode? domain, OdooModelSchema schema, JsonObject record)
    {
        if (domain is not JsonValue text || text.GetValueKind() != JsonValueKind.String || text.GetValue<string>().Trim() is "" or "[]")
        {
            return true;
        }
        var parsed = OdooPython.ParseLiteral(text.GetValue<string>());
        return OdooDomainFilter.Parse(parsed, schema, store, model => seed.Schemas.GetValueOrDefault(model), seed.Version).Matches(record);
    }
}
