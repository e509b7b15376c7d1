using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The double's ORM: runs a model method over the record store with Odoo's semantics and errors for the
/// server version it imitates. A call runs in a transaction (writing calls) or under the store's lock (reading
/// calls), see <see cref="OdooRecordStore"/>; changes to records go through <see cref="Step"/>, so that the
/// automation rules see them as Odoo's write() would show them.
/// </summary>
internal sealed partial class OdooOrm
{
    /// <summary>The methods that only read: they run on the committed state without waiting for a writing call.</summary>
    public static readonly IReadOnlySet<string> ReadingMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        "search_read", "search", "search_count", "read", "fields_get", "context_get", "onchange",
    };

    private const string AllFieldsAccessError =
        "Failed to read field mrp.production.wip_move_ids\nYou are not allowed to access 'Journal Entry' (account.move) records.\n\n"
        + "This operation is allowed for the following groups:\n\t- Accounting/Administrator\n\t- Accounting/Invoicing\n\t- Sales/User: Own Documents Only\n"
        + "\t- Role / Portal\n\t- Show Accounting Features - Readonly\n\nContact your administrator to request access if necessary.";

    /// <summary>What 19.0 answered the API user for a partial button_mark_done with a backorder (webhooks 19.0/05-f, 10-f3).</summary>
    internal const string AnalyticLineAccessError =
        "Failed to read field stock.move.analytic_account_line_ids\nYou are not allowed to access 'Analytic Line' (account.analytic.line) records.\n\n"
        + "This operation is allowed for the following groups:\n\t- Accounting/Administrator\n\t- Accounting/Invoicing\n\t- Analytic Accounting\n"
        + "\t- Show Accounting Features - Readonly\n\nContact your administrator to request access if necessary.";

    private readonly OdooSeed _seed;
    private readonly OdooRecordStore _store;
    private readonly OdooAutomation _automation;
    private readonly OdooStockMoves _moves;
    private readonly Dictionary<string, OdooMethod> _common;
    // The model's own public methods (Python class, for TypeErrors), by model.
    private readonly Dictionary<string, Dictionary<string, OdooMethod>> _modelMethods = new(StringComparer.Ordinal);

    public OdooOrm(OdooSeed seed, OdooRecordStore store, OdooAutomation automation)
    {
        _seed = seed;
        _store = store;
        _automation = automation;
        _moves = new OdooStockMoves(store, seed);
        _common = new OdooMethod[]
        {
            new("search_read", null, true, ["domain", "fields", "offset", "limit", "order"], 0, true, SearchRead),
            new("search", null, true, ["domain", "offset", "limit", "order"], 1, false, i => new JsonArray([.. Search(i.Schema, i.Arg("domain"), i.Arg("offset"), i.Arg("limit"), i.Arg("order")).Select(r => (JsonNode?)r["id"]!.DeepClone())])),
            new("search_count", null, true, ["domain", "limit"], 1, false, i => Search(i.Schema, i.Arg("domain"), null, i.Arg("limit"), null).Count),
            new("read", null, false, ["fields", "load"], 0, false, i => Read(i, i.Ids, i.Arg("fields"))),
            new("write", null, false, ["vals"], 1, false, Write),
            new("create", null, true, ["vals_list"], 1, false, Create),
            new("unlink", null, false, [], 0, false, Unlink),
            new("fields_get", null, true, ["allfields", "attributes"], 0, false, FieldsGet),
        }.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var production = new List<OdooMethod>
        {
            new("action_confirm", "MrpProduction", false, [], 0, false, ActionConfirm),
            new("button_mark_done", "MrpProduction", false, [], 0, false, ButtonMarkDone),
            new("action_cancel", "MrpProduction", false, [], 0, false, ActionCancel),
            new("button_plan", "MrpProduction", false, [], 0, false, ButtonPlan),
        };
        if (Version.HasSetQtyProducing)
        {
            production.Add(new("set_qty_producing", "MrpProduction", false, [], 0, false, SetQtyProducing));
        }
        if (Version.HasActionStart)
        {
            production.Add(new("action_start", "MrpProduction", false, [], 0, false, ActionStart));
        }
        if (Version.HasLegacyOnchange)
        {
            production.Add(new("onchange", "MrpProduction", false, ["values", "field_name", "field_onchange"], 3, false, Onchange));
        }
        AddMethods(Productions, production);
        AddMethods("mrp.production.backorder",
        [
            new("action_backorder", "MrpProductionBackorder", false, [], 0, false, ActionBackorder),
            new("action_close_mo", "MrpProductionBackorder", false, [], 0, false, ActionCloseMo),
        ]);
        AddMethods("mrp.consumption.warning", [new("action_confirm", "MrpConsumptionWarning", false, [], 0, false, ConsumptionWarningConfirm)]);
        if (Version.ImmediateProductionWizard)
        {
            AddMethods("mrp.immediate.production", [new("process", "MrpImmediateProduction", false, [], 0, false, ImmediateProductionProcess)]);
        }
    }

    private void AddMethods(string model, IEnumerable<OdooMethod> methods) =>
        _modelMethods[model] = methods.ToDictionary(m => m.Name, StringComparer.Ordinal);

    private OdooVersion Version => _seed.Version;

    public OdooModelSchema? Schema(string model) => _seed.Schemas.GetValueOrDefault(model);

    /// <summary>Finds a public method, or throws what Odoo throws for a private or unknown one.</summary>
    public OdooMethod Method(OdooModelSchema schema, string method, bool json2)
    {
        if (method.StartsWith('_'))
        {
            throw OdooServerError.AccessError(Version.QualifiedMethodNames || json2
                ? $"Private methods (such as '{schema.Name}.{method}') cannot be called remotely."
                : $"Private methods (such as {method}) cannot be called remotely.");
        }
        if (_common.TryGetValue(method, out var found)
            || (_modelMethods.TryGetValue(schema.Name, out var own) && own.TryGetValue(method, out found)))
        {
            return WithAccessCheck(schema, found);
        }
        if (schema.Name == "res.users" && method == "context_get")
        {
            return new OdooMethod("context_get", Version.UsersClass, true, [], 0, false,
                i => new JsonObject { ["lang"] = "en_US", ["tz"] = "Europe/Brussels", ["uid"] = i.User.Uid });
        }
        if (json2)
        {
            throw OdooServerError.Werkzeug("NotFound", $"The method '{schema.Name}.{method}' does not exist", 404);
        }
        throw new OdooServerError("builtins.AttributeError", Version.QualifiedMethodNames
            ? $"The method '{schema.Name}.{method}' does not exist"
            : $"The method '{method}' does not exist on the model '{schema.Name}'");
    }

    /// <summary>execute_kw: args are positional (ids first for record methods), kwargs named.</summary>
    public static JsonNode? ExecuteKw(OdooUser user, OdooModelSchema schema, OdooMethod method, JsonArray args, JsonObject kwargs, OdooFault? fault = null)
    {
        var className = method.PythonClass ?? "BaseModel";
        var positional = args.ToList();
        IReadOnlyList<long> ids = [];
        if (!method.ModelLevel)
        {
            if (positional.Count == 0)
            {
                throw OdooServerError.TypeError($"{className}.{method.Name}() missing 1 required positional argument: 'self'");
            }
            ids = ToIds(positional[0]);
            positional.RemoveAt(0);
        }
        if (positional.Count > method.Parameters.Length)
        {
            int min = method.Required + 1, max = method.Parameters.Length + 1, given = positional.Count + 1;
            var takes = min == max ? $"takes {min} positional argument{(min == 1 ? "" : "s")}" : $"takes from {min} to {max} positional arguments";
            throw OdooServerError.TypeError($"{className}.{method.Name}() {takes} but {given} {(given == 1 ? "was" : "were")} given");
        }
        var bound = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 0; i < positional.Count; i++)
        {
            bound[method.Parameters[i]] = positional[i];
        }
        var context = kwargs["context"] as JsonObject ?? [];
        foreach (var (key, value) in kwargs)
        {
            if (key == "context")
            {
                continue;
            }
            if (method.Parameters.Contains(key))
            {
                if (!bound.TryAdd(key, value))
                {
                    throw OdooServerError.TypeError($"{className}.{method.Name}() got multiple values for argument '{key}'");
                }
            }
            else if (!method.AcceptsExtraKeywords)
            {
                throw OdooServerError.TypeError($"{className}.{method.Name}() got an unexpected keyword argument '{key}'");
            }
        }
        var missing = method.Parameters.Take(method.Required).Where(p => !bound.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            throw OdooServerError.TypeError($"{className}.{method.Name}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {PythonList(missing)}");
        }
        return method.Run(new OdooInvocation(user, schema, ids, bound, context, Json2: false, fault) { Name = $"{schema.Name}.{method.Name}" });
    }

    /// <summary>JSON-2: every argument is named; "ids" selects the records and "context" is the context.</summary>
    public static JsonNode? ExecuteNamed(OdooUser user, OdooModelSchema schema, OdooMethod method, JsonObject body, OdooFault? fault = null)
    {
        IReadOnlyList<long> ids = [];
        if (body["ids"] is JsonNode idsNode)
        {
            if (method.ModelLevel)
            {
                throw OdooServerError.Werkzeug("UnprocessableEntity", $"cannot call {schema.Name}.{method.Name} with ids", 422);
            }
            ids = ToIds(idsNode);
        }
        var context = body["context"] as JsonObject ?? [];
        var bound = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            if (key is "ids" or "context")
            {
                continue;
            }
            bound[key] = value;
        }
        // inspect.Signature.bind checks the parameters in order first, then the extra keywords.
        foreach (var required in method.Parameters.Take(method.Required))
        {
            if (!bound.ContainsKey(required))
            {
                throw OdooServerError.Werkzeug("UnprocessableEntity", $"missing a required argument: '{required}'", 422);
            }
        }
        var extra = bound.Keys.FirstOrDefault(k => !method.Parameters.Contains(k));
        if (extra is not null && !method.AcceptsExtraKeywords)
        {
            throw OdooServerError.Werkzeug("UnprocessableEntity", $"got an unexpected keyword argument '{extra}'", 422);
        }
        return method.Run(new OdooInvocation(user, schema, ids, bound, context, Json2: true, fault) { Name = $"{schema.Name}.{method.Name}" });
    }

    private static string PythonList(List<string> names) => names.Count switch
    {
        1 => $"'{names[0]}'",
        2 => $"'{names[0]}' and '{names[1]}'",
        _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $", and '{names[^1]}'",
    };

    private static List<long> ToIds(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => ToLong(n))],
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => [value.AsLong()],
        _ => [],
    };

    private static long ToLong(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.AsLong()
            : throw OdooServerError.ValueError($"Invalid id: {OdooPython.Repr(node)}");

    private string InvalidField(string field, string model) =>
        Version.ShortInvalidFieldMessage ? $"Invalid field '{field}' on '{model}'" : $"Invalid field '{field}' on model '{model}'";

    // ---- search / read ----

    private JsonArray SearchRead(OdooInvocation call)
    {
        var fields = FieldList(call, call.Schema, call.Arg("fields"));
        var records = Search(call.Schema, call.Arg("domain"), call.Arg("offset"), call.Arg("limit"), call.Arg("order"));
        return new JsonArray([.. records.Select(r => (JsonNode?)Project(call.Schema, r, fields))]);
    }

    private JsonArray Read(OdooInvocation call, IReadOnlyList<long> ids, JsonNode? fieldsArg)
    {
        var schema = call.Schema;
        var fields = FieldList(call, schema, fieldsArg);
        var result = new JsonArray();
        foreach (var id in ids.Distinct())
        {
            if (_store.Find(schema.Name, id) is { } record)
            {
                result.Add(Project(schema, record, fields));
            }
        }
        return result;
    }

    private List<string> FieldList(OdooInvocation call, OdooModelSchema schema, JsonNode? fieldsArg)
    {
        var requested = fieldsArg is JsonArray list ? list.Select(f => f?.ToString() ?? "").ToList() : [];
        if (requested.Count == 0)
        {
            // The API user may not read wip_move_ids (account.move) that a full read of an MO includes on 19.0.
            if (Version.FullProductionReadNeedsAccounting && schema.Name == "mrp.production" && !call.User.IsAdmin)
            {
                throw OdooServerError.AccessError(AllFieldsAccessError);
            }
            return [.. schema.AllFields.Where(f => f != "id")];
        }
        foreach (var field in requested)
        {
            if (!schema.HasField(field))
            {
                throw OdooServerError.ValueError(InvalidField(field, schema.Name));
            }
        }
        return [.. requested.Where(f => f != "id").Distinct()];
    }

    private JsonObject Project(OdooModelSchema schema, JsonObject record, List<string> fields)
    {
        var result = new JsonObject { ["id"] = record["id"]!.DeepClone() };
        foreach (var field in fields)
        {
            result[field] = ReadValue(schema, record, field);
        }
        return result;
    }

    /// <summary>A field's value as read() answers it: datetimes to the second, x2many ids in the comodel's order.</summary>
    private JsonNode? ReadValue(OdooModelSchema schema, JsonObject record, string field)
    {
        if (field == "display_name" && record["display_name"] is null)
        {
            return OdooRecordStore.DisplayName(schema.Name, record);
        }
        if (ComputedValue(schema, record, field) is { } computed)
        {
            return computed;
        }
        var value = record[field];
        return schema.FieldType(field) switch
        {
            "datetime" => OdooRecordStore.ToSeconds(value) ?? false,
            "many2many" when value is JsonArray ids => OrderedIds(schema.Relation(field)!, ids.Select(id => id!.AsLong())),
            "many2many" => new JsonArray(),
            "one2many" => Inverse(schema, record, field),
            // A many2one names the record as it is named now (an order renamed by a backorder split).
            "many2one" when value is JsonArray { Count: 2 } pair && schema.Relation(field) is { } relation && _store.Find(relation, pair[0]!.AsLong()) is { } target
                => new JsonArray(pair[0]!.DeepClone(), OdooRecordStore.DisplayName(relation, target)),
            _ => value?.DeepClone() ?? false,
        };
    }

    /// <summary>Fields Odoo computes when read (related fields, the rule's sample payload, the wizards' counts); null for stored fields.</summary>
    private JsonNode? ComputedValue(OdooModelSchema schema, JsonObject record, string field)
    {
        switch (schema.Name, field)
        {
            case ("base.automation" or "ir.actions.server", "model_name"):
                return ModelName(record) is { } name ? name : false;
            case ("mrp.consumption.warning", "mrp_production_count"):
                return record["mrp_production_ids"] is JsonArray orders ? orders.Count : 0;
            case ("mrp.consumption.warning", "consumption"):
                // The strictest of its lines' orders.
                var id = record["id"]!.AsLong();
                var rules = _store.Records("mrp.consumption.warning.line").Where(l => OdooStockMoves.RefId(l["mrp_consumption_warning_id"]) == id)
                    .Select(l => l["consumption"]?.ToString()).ToHashSet();
                return rules.Contains("strict") ? "strict" : rules.Contains("warning") ? "warning" : "flexible";
            case ("ir.actions.server", "webhook_sample_payload"):
                // The sample is the model's first record (search([], limit=1), archived ones included).
                var model = ModelName(record) is { } modelName ? Schema(modelName) : null;
                var sample = model is null ? null : Ordered(model, _store.Records(model.Name), model.DefaultOrder).FirstOrDefault();
                return _automation.SamplePayload(record, model, sample) is { } payload ? payload : false;
            default:
                return null;
        }
    }

    /// <summary>A one2many's ids: the comodel's records whose inverse many2one is this record, in the comodel's order.</summary>
    private JsonArray Inverse(OdooModelSchema schema, JsonObject record, string field)
    {
        var relation = schema.Relation(field)!;
        var inverse = schema.Inverse(field)!;
        var id = record["id"]!.AsLong();
        return OrderedIds(relation, _store.Records(relation).Where(r => OdooStockMoves.RefId(r[inverse]) == id).Select(r => r["id"]!.AsLong()).ToList());
    }

    private List<JsonObject> Search(OdooModelSchema schema, JsonNode? domain, JsonNode? offsetArg, JsonNode? limitArg, JsonNode? orderArg)
    {
        var filter = OdooDomainFilter.Parse(domain, schema, _store, Schema, Version);
        IEnumerable<JsonObject> matches = _store.Records(schema.Name).Where(filter.Matches);
        // Archived records are hidden unless the domain asks about "active".
        if (schema.HasField("active") && !(domain?.ToJsonString().Contains("\"active\"", StringComparison.Ordinal) ?? false))
        {
            matches = matches.Where(r => r["active"] is not JsonValue a || a.GetValueKind() != JsonValueKind.False);
        }
        var order = orderArg is JsonValue o && o.GetValueKind() == JsonValueKind.String ? o.GetValue<string>() : schema.DefaultOrder;
        var sorted = Ordered(schema, matches, order);
        var offset = offsetArg is JsonValue off && off.GetValueKind() == JsonValueKind.Number ? (int)off.AsLong() : 0;
        var limit = limitArg is JsonValue lim && lim.GetValueKind() == JsonValueKind.Number ? (int)lim.AsLong() : 0;
        IEnumerable<JsonObject> page = sorted.Skip(offset);
        if (limit > 0)
        {
            page = page.Take(limit);
        }
        return [.. page];
    }

    private List<JsonObject> Ordered(OdooModelSchema schema, IEnumerable<JsonObject> records, string order)
    {
        var sorted = records.ToList();
        var keys = ParseOrder(schema, order);
        sorted.Sort((a, b) =>
        {
            foreach (var (field, descending) in keys)
            {
                var c = CompareForOrder(a[field], b[field], descending);
                if (c != 0)
                {
                    return c;
                }
            }
            return 0;
        });
        return sorted;
    }

    /// <summary>Ids of <paramref name="model"/> in its default order, as Odoo reads an x2many field.</summary>
    private JsonArray OrderedIds(string model, IEnumerable<long> ids)
    {
        var records = ids.Distinct().Select(id => _store.Find(model, id)).OfType<JsonObject>();
        var ordered = Schema(model) is { } comodel ? Ordered(comodel, records, comodel.DefaultOrder) : [.. records];
        return new JsonArray([.. ordered.Select(r => (JsonNode?)r["id"]!.DeepClone())]);
    }

    private List<(string Field, bool Descending)> ParseOrder(OdooModelSchema schema, string order)
    {
        var keys = new List<(string, bool)>();
        foreach (var part in order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var field = words[0];
            if (!schema.HasField(field))
            {
                throw OdooServerError.ValueError(InvalidField(field, schema.Name));
            }
            keys.Add((field, words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        return keys;
    }

    // PostgreSQL puts NULL (false) last when ascending and first when descending.
    private static int CompareForOrder(JsonNode? a, JsonNode? b, bool descending)
    {
        bool emptyA = OdooDomainFilter.IsEmpty(a), emptyB = OdooDomainFilter.IsEmpty(b);
        int c = emptyA && emptyB ? 0 : emptyA ? 1 : emptyB ? -1 : OdooDomainFilter.CompareValues(a, b);
        return descending ? -c : c;
    }

    // ---- create / write / unlink ----

    private JsonNode Create(OdooInvocation call)
    {
        var valsList = call.Arg("vals_list");
        var single = valsList is JsonObject;
        var list = single ? [valsList!.AsObject()] : valsList is JsonArray array ? array.Select(v => v as JsonObject ?? throw OdooServerError.ValueError($"Invalid create values: {OdooPython.Repr(v)}")).ToList() : throw OdooServerError.ValueError($"Invalid create values: {OdooPython.Repr(valsList)}");
        var created = new List<long>();
        foreach (var vals in list)
        {
            created.Add(CreateRecord(call, call.Schema, vals));
        }
        return single && !call.Json2 ? created[0] : new JsonArray([.. created.Select(id => (JsonNode?)id)]);
    }

    /// <summary>One record of a create (also an inline (0, 0, vals) of a one2many), then the rules on creation.</summary>
    private long CreateRecord(OdooInvocation call, OdooModelSchema schema, JsonObject vals)
    {
        vals = WithContextDefaults(schema, vals, call.Context);
        foreach (var required in schema.CreateRequired)
        {
            if (OdooDomainFilter.IsEmpty(vals[required]))
            {
                throw new OdooServerError("odoo.exceptions.ValidationError", MissingRequired(schema, required));
            }
        }
        var converted = Convert(call, schema, vals);
        // Odoo sets the magic field unless the values give it (vals.setdefault('create_uid', uid)).
        converted["create_uid"] ??= _store.Many2One("res.users", call.User.Uid);
        long id;
        if (schema.Name == Productions)
        {
            id = CreateOrder(converted, call.User);
        }
        else
        {
            converted.Remove("id");
            AddDefaults(schema, converted);
            id = _store.AddUnlocked(schema.Name, converted);
        }
        var record = _store.Find(schema.Name, id)!;
        ApplyRelations(call, schema, record, vals, creating: true);
        AfterCreate(schema, record);
        // Odoo computes the state of a new MO: on_write rules watching it see that as a change (webhooks 04-b).
        _automation.Created(call, schema, record, schema.Name == "mrp.production" ? ["state"] : []);
        return id;
    }

    private string MissingRequired(OdooModelSchema schema, string field) => Version.RequiredFieldMessage19
        ? $"The operation cannot be completed: Missing required value for the field '{schema.FieldLabel(field)}' ({field}).\nModel: '{schema.Description}' ({schema.Name})\n"
          + "- create/update: a mandatory field is not set\n- delete: another model requires the record being deleted, you can archive it instead\n"
        : "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
          + $"Model: {schema.Description} ({schema.Name})\nField: {schema.FieldLabel(field)} ({field})\n";

    private JsonNode Write(OdooInvocation call)
    {
        if (call.Arg("vals") is not JsonObject vals)
        {
            throw OdooServerError.ValueError($"Invalid write values: {OdooPython.Repr(call.Arg("vals"))}");
        }
        var records = Existing(call, call.Schema, call.Ids);
        var converted = Convert(call, call.Schema, vals);
        var written = vals.Select(p => p.Key).Where(f => !call.Schema.WriteIgnored.Contains(f)).ToList();
        foreach (var record in ById(records))
        {
            Step(call, call.Schema, record, r =>
            {
                var oldQty = Number(r["product_qty"]);
                foreach (var (key, value) in converted)
                {
                    if (!call.Schema.WriteIgnored.Contains(key))
                    {
                        r[key] = value?.DeepClone();
                    }
                }
                ApplyRelations(call, call.Schema, r, vals, creating: false);
                if (call.Schema.Name == Productions)
                {
                    if (converted.ContainsKey("product_qty") && State(r) is not ("done" or "cancel"))
                    {
                        _moves.Rescale(r, oldQty, Number(r["product_qty"]));
                    }
                    ComputeState(r);
                }
            }, written);
            AfterWrite(call, call.Schema, record, vals);
        }
        return true;
    }

    private JsonNode Unlink(OdooInvocation call)
    {
        var records = Existing(call, call.Schema, call.Ids);
        if (call.Schema.Name == "mrp.production" && records.Any(r => State(r) is not ("draft" or "cancel")))
        {
            throw OdooServerError.UserError("In order to delete a manufacturing order, you must cancel it first.");
        }
        foreach (var record in records)
        {
            var id = record["id"]!.AsLong();
            _store.Remove(call.Schema.Name, id);
            RemoveDependents(call.Schema, id);
        }
        return true;
    }

    private List<JsonObject> Existing(OdooInvocation call, OdooModelSchema schema, IReadOnlyList<long> ids)
    {
        var records = new List<JsonObject>();
        foreach (var id in ids.Distinct())
        {
            records.Add(_store.Find(schema.Name, id) ?? throw new OdooServerError("odoo.exceptions.MissingError",
                $"Record does not exist or has been deleted.\n(Record: {schema.Name}({id},), User: {call.User.Uid})"));
        }
        return records;
    }

    /// <summary>Records in id order: the order in which Odoo's rules see a multi-record change (webhooks 07-c, 10-b).</summary>
    private static IEnumerable<JsonObject> ById(IEnumerable<JsonObject> records) => records.OrderBy(r => r["id"]!.AsLong());

    /// <summary>
    /// Applies one step of Odoo's work to a record (stamping write_date) and tells the automation rules which fields
    /// it changed: what a write() or an action method does to one record, as the rules of Odoo's base_automation see it.
    /// </summary>
    private void Step(OdooInvocation call, OdooModelSchema schema, JsonObject record, Action<JsonObject> change, IReadOnlyCollection<string>? written = null)
    {
        var before = (JsonObject)record.DeepClone();
        change(record);
        record["write_date"] = _store.Stamp();
        var changed = record.Select(p => p.Key)
            .Where(f => f != "write_date" && !JsonNode.DeepEquals(record[f], before[f]))
            .Union(written ?? [])
            .ToList();
        _automation.Written(call, schema, before, record, changed);
    }

    /// <summary>Turns client values into stored values by field type, failing as Odoo's field converters fail (x2many: see ApplyRelations).</summary>
    private JsonObject Convert(OdooInvocation call, OdooModelSchema schema, JsonObject vals)
    {
        var result = new JsonObject();
        foreach (var (field, value) in vals)
        {
            if (!schema.HasField(field))
            {
                throw OdooServerError.ValueError(InvalidField(field, schema.Name));
            }
            var type = schema.FieldType(field);
            if (type is "many2many" or "one2many")
            {
                continue;
            }
            result[field] = OdooDomainFilter.IsEmpty(value) ? false : type switch
            {
                "float" or "monetary" => ToFloat(value!),
                "integer" => ToInteger(value!),
                "many2one" => ToMany2One(call, schema, field, value!),
                "datetime" => ToDateTime(value!),
                "selection" => ToSelection(schema, field, value!),
                "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? b.DeepClone() : JsonValue.Create(true),
                _ => value!.DeepClone(),
            };
        }
        return result;
    }

    private static JsonNode ToFloat(JsonNode value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return OdooJson.PythonFloat(v.AsDouble());
        }
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : value.ToJsonString();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return OdooJson.PythonFloat(number);
        }
        if (value is JsonValue str && str.GetValueKind() == JsonValueKind.String)
        {
            throw OdooServerError.ValueError($"could not convert string to float: {OdooPython.Str(text)}");
        }
        throw OdooServerError.TypeError($"float() argument must be a string or a real number, not '{PythonType(value)}'");
    }

    private static JsonNode ToInteger(JsonNode value)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return (long)v.AsDouble();
        }
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : value.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw OdooServerError.ValueError($"invalid literal for int() with base 10: {OdooPython.Str(text)}");
    }

    private JsonNode ToMany2One(OdooInvocation call, OdooModelSchema schema, string field, JsonNode value)
    {
        var id = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.AsLong(),
            JsonArray { Count: > 0 } a => ToLong(a[0]),
            _ => throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}"),
        };
        var relation = schema.Relation(field) ?? schema.Name;
        return _store.Find(relation, id) is not null || Schema(relation) is null
            ? _store.Many2One(relation, id)
            : throw new OdooServerError("odoo.exceptions.MissingError", $"Record does not exist or has been deleted.\n(Record: {relation}({id},), User: {call.User.Uid})");
    }

    private static JsonNode ToDateTime(JsonNode value)
    {
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : value.ToJsonString();
        if (DateTime.TryParseExact(text, OdooRecordStore.DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return text;
        }
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString(OdooRecordStore.DateTimeFormat, CultureInfo.InvariantCulture);
        }
        throw OdooServerError.ValueError($"time data {OdooPython.Str(text)} does not match format '%Y-%m-%d %H:%M:%S'");
    }

    private static JsonNode ToSelection(OdooModelSchema schema, string field, JsonNode value)
    {
        var allowed = schema.Fields[field]?["selection"] as JsonArray;
        var text = value is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
        if (text is null || (allowed is not null && !allowed.Any(o => o is JsonArray pair && pair[0]?.ToString() == text)))
        {
            throw OdooServerError.ValueError($"Wrong value for {schema.Name}.{field}: {OdooPython.Repr(value)}");
        }
        return text;
    }

    private static string PythonType(JsonNode value) => value switch
    {
        JsonArray => "list",
        JsonObject => "dict",
        _ => "bool",
    };

    private JsonObject FieldsGet(OdooInvocation call)
    {
        var only = call.Arg("allfields") is JsonArray a && a.Count > 0 ? a.Select(f => f?.ToString()).ToHashSet() : null;
        var attributes = call.Arg("attributes") is JsonArray at && at.Count > 0 ? at.Select(f => f?.ToString()).ToHashSet() : null;
        var result = new JsonObject();
        foreach (var (field, definition) in call.Schema.Fields)
        {
            if (only is not null && !only.Contains(field))
            {
                continue;
            }
            var description = new JsonObject();
            foreach (var (attribute, value) in definition!.AsObject())
            {
                if (attributes is null || attributes.Contains(attribute))
                {
                    description[attribute] = value?.DeepClone();
                }
            }
            result[field] = description;
        }
        return result;
    }
}
