using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The server's models and its starting data, from Seed/recorded-&lt;version&gt;.json. Its "models" hold the records and
/// field definitions the recordings show (extracted verbatim from them, first appearance of each record in execution
/// order, later reads adding fields); the action dicts that button_mark_done answers are kept verbatim too
/// (backorder_action, backorder_created_action, consumption_warning_action, 16.0's immediate_production_action). Its
/// "implied" section holds what the recordings only imply, each part with its reason: the other demo products up to
/// the recorded product count, the BoMs and their components, the SEED MOs not read back, the other seeded
/// companies, stock, the model registry ids of the webhook recordings and where a shared database's sequences stood.
/// </summary>
internal sealed partial class OdooSeed
{
    private static readonly string[] FieldTypes =
    [
        "binary", "boolean", "char", "date", "datetime", "float", "html", "integer", "json", "many2many", "many2one", "many2one_reference", "monetary",
        "one2many", "properties", "properties_definition", "reference", "selection", "text",
    ];

    private OdooSeed(OdooVersion version, JsonObject recorded)
    {
        Version = version;
        Recorded = recorded;
    }

    public OdooVersion Version { get; }

    public JsonObject Recorded { get; }

    public Dictionary<string, OdooModelSchema> Schemas { get; } = new(StringComparer.Ordinal);

    public JsonObject BackorderAction => Recorded["backorder_action"]!.AsObject();

    /// <summary>What button_mark_done answered once it made one backorder (17.0 05-f, 19.0 05-h of the webhook recordings; 16.0, 18.0 18-g).</summary>
    public JsonObject BackorderCreatedAction => Recorded["backorder_created_action"]!.AsObject();

    /// <summary>The "Consumption Warning" wizard action as the recordings returned it (webhooks 10-h4; 16.0, 18.0 21-f).</summary>
    public JsonObject ConsumptionWarningAction => Recorded["consumption_warning_action"]!.AsObject();

    public static OdooSeed Load(OdooVersion version)
    {
        var recorded = JsonNode.Parse(OdooResources.Read($"recorded-{version.Name}.json"))!.AsObject();
        var seed = new OdooSeed(version, recorded);
        seed.BuildSchemas();
        seed.Boms = seed.Implied["boms"]!.AsArray().Select(b => b!.AsObject()).ToDictionary(
            b => b["product"]!.AsLong(),
            b => new OdooBom(b["product"]!.AsLong(), b["consumption"]!.GetValue<string>(),
                [.. b["lines"]!.AsArray().Select(l => new OdooBomLine(l![0]!.AsLong(), l[1]!.AsDouble()))]));
        return seed;
    }

    private void BuildSchemas()
    {
        var models = Recorded["models"]!.AsObject();
        OdooModelSchema FromRecording(string name, string description, string pythonClass, string order)
        {
            var model = models[name]!.AsObject();
            var fields = (JsonObject)model["fields"]!.DeepClone();
            var all = model["all_fields"] is JsonArray list
                ? list.Select(n => n!.GetValue<string>()).ToList()
                : ["id", .. fields.Select(f => f.Key), "display_name", "create_date", "write_date"];
            return new OdooModelSchema(name, description, pythonClass, order, fields, all.Distinct().ToList());
        }

        var mo = FromRecording("mrp.production", Version.ProductionDescription, "MrpProduction", $"priority desc, {Version.PlannedStartField} asc, id");
        mo.CreateRequired.Add("product_id");
        // Read back in the recordings (05-g, 10-i of the webhooks; 17-k, 20-g); the recorded fields_get was trimmed before them.
        mo.UnlistedFields["backorder_sequence"] = Field("integer", "Backorder Sequence");
        mo.UnlistedFields["move_raw_ids"] = Field("one2many", "Components", relation: "stock.move", inverse: "raw_material_production_id");
        mo.UnlistedFields["move_finished_ids"] = Field("one2many", "Finished Products", relation: "stock.move", inverse: "production_id");
        mo.UnlistedFields["consumption"] = Field("selection", "Consumption", required: true, readOnly: true, selection: [["flexible", "Allowed"], ["warning", "Allowed with warning"], ["strict", "Blocked"]]);
        // A stored field Odoo computes (readonly in fields_get: date_deadline up to 18.0) keeps its value when written.
        if (mo.Fields["date_deadline"]?["readonly"]?.GetValue<bool>() == true)
        {
            mo.WriteIgnored.Add("date_deadline");
        }
        var product = FromRecording("product.product", "Product Variant", "ProductProduct", "default_code, name, id");
        product.CreateRequired.Add("name");
        var partner = FromRecording("res.partner", "Contact", "ResPartner", "name, id desc");
        var quant = FromRecording("stock.quant", "Quants", "StockQuant", "id");
        quant.CreateRequired.Add("product_id");
        quant.CreateRequired.Add("location_id");

        var location = new OdooModelSchema("stock.location", "Inventory Locations", "StockLocation", "id",
            new JsonObject
            {
                ["name"] = new JsonObject { ["readonly"] = false, ["required"] = true, ["string"] = "Location Name", ["type"] = "char" },
                ["complete_name"] = new JsonObject { ["readonly"] = true, ["required"] = false, ["string"] = "Full Location Name", ["type"] = "char" },
                ["usage"] = new JsonObject
                {
                    ["readonly"] = false, ["required"] = true, ["string"] = "Location Type", ["type"] = "selection",
                    ["selection"] = new JsonArray(
                        new JsonArray("supplier", "Vendor"), new JsonArray("view", "Virtual"), new JsonArray("internal", "Internal"),
                        new JsonArray("customer", "Customer"), new JsonArray("inventory", "Inventory Loss"),
                        new JsonArray("production", "Production"), new JsonArray("transit", "Transit")),
                },
            }, ["id", "name", "complete_name", "usage", "display_name", "create_date", "write_date"]);
        var users = new OdooModelSchema("res.users", "User", Version.UsersClass, "name, login",
            new JsonObject
            {
                ["name"] = new JsonObject { ["readonly"] = false, ["required"] = true, ["string"] = "Name", ["type"] = "char" },
                ["login"] = new JsonObject { ["readonly"] = false, ["required"] = true, ["string"] = "Login", ["type"] = "char" },
            }, ["id", "name", "login", "display_name", "create_date", "write_date"]);
        foreach (var schema in new[] { mo, product, partner, quant, location, users })
        {
            Schemas[schema.Name] = schema;
        }
        BuildManufacturingSchemas();
        BuildAutomationSchemas();
        OverrideFields();
    }

    /// <summary>A field definition as fields_get describes it (attributes in its order).</summary>
    private static JsonObject Field(string type, string label, bool required = false, bool readOnly = false, string? relation = null, string? inverse = null, params string[][] selection)
    {
        var field = new JsonObject { ["readonly"] = readOnly };
        if (relation is not null)
        {
            field["relation"] = relation;
        }
        if (inverse is not null)
        {
            field["relation_field"] = inverse;
        }
        field["required"] = required;
        if (selection.Length > 0)
        {
            field["selection"] = new JsonArray([.. selection.Select(pair => (JsonNode?)new JsonArray(pair[0], pair[1]))]);
        }
        field["string"] = label;
        field["type"] = type;
        return field;
    }

    private static List<string> AllFields(JsonObject fields) => ["id", .. fields.Select(f => f.Key), "display_name", "create_uid", "create_date", "write_date"];

    // Field definitions a version has differently from the ones built here (16.0's ir.actions.server.state).
    private void OverrideFields()
    {
        if (Implied["field_overrides"]?["fields"] is not JsonObject models)
        {
            return;
        }
        foreach (var (model, fields) in models)
        {
            foreach (var (name, definition) in fields!.AsObject())
            {
                Schemas[model].Fields[name] = definition!.DeepClone();
            }
        }
    }

    // What an automation rule with a webhook needs (webhook recordings 03 and 11): the model registry (ir.model,
    // ir.model.fields), the rule (base.automation) and its action (ir.actions.server). Only fields the recordings
    // use or Odoo's webhook needs; labels and selections as the servers' fields_get has them.
    private void BuildAutomationSchemas()
    {
        var modelFields = new JsonObject
        {
            ["model"] = Field("char", "Model", required: true),
            ["name"] = Field("char", "Model Description", required: true),
            ["state"] = Field("selection", "Type", readOnly: true, selection: [["manual", "Custom Object"], ["base", "Base Object"]]),
            ["transient"] = Field("boolean", "Transient Model", readOnly: true),
        };
        var model = new OdooModelSchema("ir.model", "Models", "IrModel", "model", modelFields, AllFields(modelFields));

        string[][] types = [.. FieldTypes.Select(t => new[] { t, t })];
        var fieldFields = new JsonObject
        {
            ["name"] = Field("char", "Field Name", required: true),
            ["model"] = Field("char", "Model Name", required: true),
            ["model_id"] = Field("many2one", "Model", required: true, relation: "ir.model"),
            ["field_description"] = Field("char", "Field Label", required: true),
            ["ttype"] = Field("selection", "Field Type", required: true, selection: types),
            ["relation"] = Field("char", "Related Model"),
            ["required"] = Field("boolean", "Required"),
            ["readonly"] = Field("boolean", "Readonly"),
            ["store"] = Field("boolean", "Stored"),
        };
        var field = new OdooModelSchema("ir.model.fields", "Fields", "IrModelFields", "name", fieldFields, AllFields(fieldFields));

        var automationFields = new JsonObject
        {
            ["name"] = Field("char", "Automation Rule Name", required: true),
            ["model_id"] = Field("many2one", "Model", required: true, relation: "ir.model"),
            ["model_name"] = Field("char", "Model Name", readOnly: true),
            ["trigger"] = Field("selection", "Trigger", required: true, selection:
            [
                ["on_stage_set", "Stage is set to"], ["on_user_set", "User is set"], ["on_tag_set", "Tag is added"], ["on_state_set", "State is set to"],
                ["on_priority_set", "Priority is set to"], ["on_archive", "On archived"], ["on_unarchive", "On unarchived"], ["on_create_or_write", "On save"],
                ["on_create", "On creation"], ["on_write", "On update"], ["on_unlink", "On deletion"], ["on_change", "On UI change"], ["on_time", "Based on date field"],
                ["on_time_created", "After creation"], ["on_time_updated", "After last update"], ["on_message_received", "On incoming message"],
                ["on_message_sent", "On outgoing message"], ["on_webhook", "On webhook"],
            ]),
            ["trigger_field_ids"] = Field("many2many", "Trigger Fields", relation: "ir.model.fields"),
            ["action_server_ids"] = Field("one2many", "Actions", relation: "ir.actions.server", inverse: "base_automation_id"),
            ["active"] = Field("boolean", "Active"),
            ["filter_domain"] = Field("char", "Apply on"),
            ["filter_pre_domain"] = Field("char", "Before Update Domain"),
        };
        var automation = new OdooModelSchema("base.automation", "Automation Rule", "BaseAutomation", "id", automationFields, AllFields(automationFields));
        automation.CreateRequired.Add("name");
        automation.CreateRequired.Add("model_id");
        automation.CreateRequired.Add("trigger");

        var actionFields = new JsonObject
        {
            ["name"] = Field("char", "Action Name", required: true),
            ["type"] = Field("char", "Action Type", required: true, readOnly: true),
            ["usage"] = Field("selection", "Usage", required: true, selection: [["ir_actions_server", "Server Action"], ["ir_cron", "Scheduled Action"], ["base_automation", "Automation Rule"]]),
            ["state"] = Field("selection", "Type", required: true, selection:
            [
                ["object_write", "Update Record"], ["object_create", "Create Record"], ["code", "Execute Code"], ["webhook", "Send Webhook Notification"],
                ["multi", "Execute Existing Actions"], ["mail_post", "Send Email"], ["followers", "Add Followers"], ["remove_followers", "Remove Followers"],
                ["next_activity", "Create Activity"], ["sms", "Send SMS"],
            ]),
            ["model_id"] = Field("many2one", "Model", required: true, relation: "ir.model"),
            ["model_name"] = Field("char", "Model Name", readOnly: true),
            ["base_automation_id"] = Field("many2one", "Automation Rule", relation: "base.automation"),
            ["sequence"] = Field("integer", "Sequence"),
            ["code"] = Field("text", "Python Code"),
            ["webhook_url"] = Field("char", "Webhook URL"),
            ["webhook_field_ids"] = Field("many2many", "Webhook Fields", relation: "ir.model.fields"),
            ["webhook_sample_payload"] = Field("text", "Sample Payload", readOnly: true),
        };
        var action = new OdooModelSchema("ir.actions.server", "Server Action", "IrActionsServer", "sequence, name, id", actionFields, AllFields(actionFields));
        action.CreateRequired.Add("name");
        action.CreateRequired.Add("model_id");

        foreach (var schema in new[] { model, field, automation, action })
        {
            Schemas[schema.Name] = schema;
        }
    }


    /// <summary>
    /// The ir.model record of mrp.production and its ir.model.fields (webhook recordings 03-a and 03-b): the recorded
    /// ids for the fields the recordings looked up, the next ids for the other fields the double knows (and for all of
    /// them where the version has no webhook recordings).
    /// </summary>
    public void FillModelRegistry(OdooRecordStore store)
    {
        var mo = Schemas["mrp.production"];
        var registry = Implied["model_registry"];
        var modelId = registry?["model"]?.AsLong() ?? store.NextId("ir.model");
        store.AddUnlocked("ir.model", new JsonObject { ["id"] = modelId, ["model"] = mo.Name, ["name"] = mo.Description, ["state"] = "base", ["transient"] = false });
        var recorded = registry?["fields"] is JsonObject fields
            ? fields.Where(f => !f.Key.StartsWith('_')).ToDictionary(f => f.Key, f => f.Value!.AsLong())
            : [];
        var next = recorded.Count > 0 ? recorded.Values.Max() + 1 : 1;
        var names = mo.Fields.Select(f => f.Key).Concat(mo.UnlistedFields.Select(f => f.Key)).Prepend("id")
            .Append("display_name").Append("create_uid").Append("create_date").Append("write_date").Distinct();
        foreach (var name in names)
        {
            var type = name == "display_name" ? "char" : mo.FieldType(name);
            store.AddUnlocked("ir.model.fields", new JsonObject
            {
                ["id"] = recorded.TryGetValue(name, out var id) ? id : next++,
                ["name"] = name, ["model"] = mo.Name, ["model_id"] = new JsonArray(modelId, mo.Description),
                ["field_description"] = name switch { "id" => "ID", "display_name" => "Display Name", "create_date" => "Created on", "write_date" => "Last Updated on", _ => mo.FieldLabel(name) },
                ["ttype"] = type, ["relation"] = mo.Relation(name) is { } relation ? (JsonNode)relation : false,
                ["required"] = mo.CreateRequired.Contains(name), ["readonly"] = name is "id" or "display_name" or "create_uid" or "create_date" or "write_date",
                ["store"] = name != "display_name",
            });
        }
    }

    /// <summary>What the recordings only imply, with why (the seed's "implied" section).</summary>
    private JsonObject Implied => Recorded["implied"]!.AsObject();

    /// <summary>The bills of materials by finished product (the seed's "boms").</summary>
    public IReadOnlyDictionary<long, OdooBom> Boms { get; private set; } = new Dictionary<long, OdooBom>();

    public void Fill(OdooRecordStore store, long uid, string login)
    {
        var models = Recorded["models"]!.AsObject();
        foreach (var (model, data) in models)
        {
            foreach (var record in data!["records"]!.AsArray())
            {
                store.AddUnlocked(model, (JsonObject)record!.DeepClone());
            }
        }

        var stock = Implied["stock_location"]!.AsLong();
        store.AddUnlocked("stock.location", new JsonObject { ["id"] = stock, ["name"] = "Stock", ["complete_name"] = "WH/Stock", ["display_name"] = "WH/Stock", ["usage"] = "internal" });
        store.AddUnlocked("stock.location", new JsonObject { ["id"] = 15, ["name"] = "Production", ["complete_name"] = "Virtual Locations/Production", ["display_name"] = "Virtual Locations/Production", ["usage"] = "production" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = 1, ["name"] = "OdooBot", ["login"] = "__system__" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = 2, ["name"] = "Mitchell Admin", ["login"] = "admin" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = uid, ["name"] = "API Integration (C#)", ["login"] = login });

        FillModelRegistry(store);
        FillProducts(store);
        FillManufacturingOrders(store);
        FillMoves(store);
        FillPartners(store);
        FillQuants(store, stock);
        FillSequences(store);
    }

    // Demo products the recordings name, plain stand-ins for the others below the first seeded product, the BoMs'
    // components the recordings only name, and archived stand-ins so that search_count is the recorded one (06).
    private void FillProducts(OdooRecordStore store)
    {
        var products = Implied["products"]!.AsObject();
        var named = products["named"]!.AsObject().ToDictionary(p => long.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value!.AsArray());
        var archived = products["archived"]!.AsArray().Select(id => id!.AsLong()).ToHashSet();
        var storable = Version.StorableField;
        for (long id = 1; id < products["first_seeded"]!.AsLong(); id++)
        {
            var (code, name) = named.TryGetValue(id, out var n) ? (n[0]!.GetValue<string>(), n[1]!.GetValue<string>()) : ($"DEMO-{id:000}", $"Demo Product {id}");
            var product = new JsonObject
            {
                ["id"] = id, ["name"] = name, ["default_code"] = code, ["barcode"] = false, ["list_price"] = OdooJson.PythonFloat(10), ["standard_price"] = OdooJson.PythonFloat(5),
                ["type"] = "consu",
            };
            // The named demo products are storable, the stand-ins consumables.
            if (storable == "is_storable")
            {
                product["is_storable"] = named.ContainsKey(id);
            }
            else
            {
                product[storable] = named.ContainsKey(id) ? "product" : "consu";
                product["type"] = product[storable]!.DeepClone();
            }
            product["categ_id"] = new JsonArray(1, "All");
            product["uom_id"] = new JsonArray(1, "Units");
            product["qty_available"] = OdooJson.PythonFloat(0);
            product["virtual_available"] = OdooJson.PythonFloat(0);
            product["description"] = false;
            product["active"] = !archived.Contains(id);
            store.AddUnlocked("product.product", product);
        }
        foreach (var component in products["components"]!.AsArray())
        {
            store.AddUnlocked("product.product", (JsonObject)component!.DeepClone());
        }
    }

    // The seeded orders the recordings do not read back, their dates and responsible as the template order's. A 16.0
    // order's planned start (date_planned_start) the recordings do not show is taken as its creation.
    private void FillManufacturingOrders(OdooRecordStore store)
    {
        foreach (var order in Implied["manufacturing_orders"]!["orders"]!.AsArray().Select(o => o!.AsObject()))
        {
            var template = store.Find("mrp.production", order["template"]!.AsLong())!;
            var state = order["state"]!.GetValue<string>();
            double qty = order["qty"]!.AsDouble(), producing = order["producing"]!.AsDouble();
            var mo = new JsonObject
            {
                ["id"] = order["id"]!.DeepClone(), ["name"] = $"WH/MO/{order["id"]!.AsLong():00000}",
                ["product_id"] = store.Many2One("product.product", order["product"]!.AsLong()), ["product_qty"] = OdooJson.PythonFloat(qty),
                ["product_uom_id"] = new JsonArray(1, "Units"), ["state"] = state,
            };
            foreach (var field in new[] { "date_start", "date_finished", Version.PlannedStartField })
            {
                mo[field] = template[field]?.DeepClone();
            }
            mo["date_deadline"] = false;
            mo["priority"] = "0";
            mo["user_id"] = template["user_id"]!.DeepClone();
            mo["company_id"] = new JsonArray(1, "My Company (San Francisco)");
            mo["origin"] = order["origin"]?.DeepClone() ?? false;
            mo["qty_produced"] = OdooJson.PythonFloat(state == "done" ? producing : 0);
            mo["qty_producing"] = OdooJson.PythonFloat(producing);
            mo["write_date"] = template["write_date"]!.DeepClone();
            mo["create_date"] = template["write_date"]!.DeepClone();
            store.AddUnlocked("mrp.production", mo);
        }
        foreach (var mo in store.Records("mrp.production"))
        {
            mo[Version.PlannedStartField] ??= mo["write_date"]!.DeepClone();
        }
    }

    // The seeded companies the recordings do not read back; their names sort after the recorded ones so that the
    // recorded first pages stay the same.
    private void FillPartners(OdooRecordStore store)
    {
        foreach (var company in Implied["partners"]!["companies"]!.AsArray().Select(c => c!.AsObject()))
        {
            var partner = new JsonObject
            {
                ["id"] = company["id"]!.DeepClone(), ["name"] = company["name"]!.DeepClone(), ["email"] = company["email"]!.DeepClone(), ["phone"] = "+49 30 1234 5600",
                ["street"] = "Industriestrasse 5", ["city"] = company["city"]!.DeepClone(), ["zip"] = company["zip"]!.DeepClone(),
                ["country_id"] = new JsonArray(company["country_id"]!.DeepClone(), company["country"]!.DeepClone()), ["is_company"] = true,
                ["vat"] = company["vat"]!.DeepClone(), ["ref"] = company["ref"]!.DeepClone(),
            };
            store.AddUnlocked("res.partner", partner);
        }
        if (Version.HasPartnerMobile)
        {
            foreach (var partner in store.Records("res.partner"))
            {
                partner["mobile"] ??= false;
            }
        }
    }

    private void FillQuants(OdooRecordStore store, long stock)
    {
        foreach (var quant in Implied["quants"]!["stock"]!.AsArray().Select(q => q!.AsObject()))
        {
            var qty = quant["quantity"]!.AsDouble();
            store.AddUnlocked("stock.quant", new JsonObject
            {
                ["id"] = quant["id"]!.DeepClone(), ["product_id"] = store.Many2One("product.product", quant["product"]!.AsLong()), ["location_id"] = new JsonArray(stock, "WH/Stock"),
                ["quantity"] = OdooJson.PythonFloat(qty), ["reserved_quantity"] = OdooJson.PythonFloat(0), ["available_quantity"] = OdooJson.PythonFloat(qty), ["lot_id"] = false, ["package_id"] = false,
            });
        }
    }

    // Where a shared database's sequences stood when its recorded run began; without that, ids follow the seeded records.
    private void FillSequences(OdooRecordStore store)
    {
        if (Implied["sequences"] is not JsonObject sequences)
        {
            return;
        }
        foreach (var (model, next) in sequences["ids"]!.AsObject())
        {
            store.StartSequence(model, next!.AsLong());
        }
        if (sequences["order_names"] is JsonValue names)
        {
            store.StartOrderNames(names.AsLong());
        }
    }
}
