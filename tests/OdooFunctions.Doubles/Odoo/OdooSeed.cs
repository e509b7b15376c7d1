using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The server's models and its starting data. Records and field definitions shown in the recordings come from
/// Seed/recorded-&lt;version&gt;.json (extracted verbatim from /work/shared/odoo-recordings, first appearance of each
/// record in execution order); the records the recordings only imply (other demo products up to the recorded
/// product count, the SEED MOs not read back, the other seeded companies) are filled in here. The action dicts
/// button_mark_done answers are kept there verbatim too: backorder_action from odoo-recordings,
/// backorder_created_action and consumption_warning_action from /work/shared/odoo-webhooks.
/// </summary>
internal sealed class OdooSeed
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

    /// <summary>What button_mark_done answered once it made one backorder (17.0 05-f, 19.0 05-h of the webhook recordings).</summary>
    public JsonObject BackorderCreatedAction => Recorded["backorder_created_action"]!.AsObject();

    /// <summary>The "Consumption Warning" wizard action as the webhook recording 10-h4 of this version returned it.</summary>
    public JsonObject ConsumptionWarningAction => Recorded["consumption_warning_action"]!.AsObject();

    public static OdooSeed Load(OdooVersion version)
    {
        var recorded = JsonNode.Parse(OdooResources.Read($"recorded-{version.Name}.json"))!.AsObject();
        var seed = new OdooSeed(version, recorded);
        seed.BuildSchemas();
        return seed;
    }

    private bool Is19 => Version == OdooVersion.V19;

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
        // Read back in the webhook recordings (05-g, 10-i); the recorded fields_get was trimmed before it.
        mo.UnlistedFields["backorder_sequence"] = new JsonObject { ["readonly"] = false, ["required"] = false, ["string"] = "Backorder Sequence", ["type"] = "integer" };
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
        BuildAutomationSchemas();
    }

    // What an automation rule with a webhook needs (webhook recordings 03 and 11): the model registry (ir.model,
    // ir.model.fields), the rule (base.automation) and its action (ir.actions.server). Only fields the recordings
    // use or Odoo's webhook needs; labels and selections as the servers' fields_get has them.
    private void BuildAutomationSchemas()
    {
        static JsonObject Field(string type, string label, bool required = false, bool readOnly = false, string? relation = null, string? inverse = null, params string[][] selection)
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
        static List<string> All(JsonObject fields) => ["id", .. fields.Select(f => f.Key), "display_name", "create_uid", "create_date", "write_date"];

        var modelFields = new JsonObject
        {
            ["model"] = Field("char", "Model", required: true),
            ["name"] = Field("char", "Model Description", required: true),
            ["state"] = Field("selection", "Type", readOnly: true, selection: [["manual", "Custom Object"], ["base", "Base Object"]]),
            ["transient"] = Field("boolean", "Transient Model", readOnly: true),
        };
        var model = new OdooModelSchema("ir.model", "Models", "IrModel", "model", modelFields, All(modelFields));

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
        var field = new OdooModelSchema("ir.model.fields", "Fields", "IrModelFields", "name", fieldFields, All(fieldFields));

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
        var automation = new OdooModelSchema("base.automation", "Automation Rule", "BaseAutomation", "id", automationFields, All(automationFields));
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
        var action = new OdooModelSchema("ir.actions.server", "Server Action", "IrActionsServer", "sequence, name, id", actionFields, All(actionFields));
        action.CreateRequired.Add("name");
        action.CreateRequired.Add("model_id");

        foreach (var schema in new[] { model, field, automation, action })
        {
            Schemas[schema.Name] = schema;
        }
    }

    /// <summary>
    /// The ir.model record of mrp.production and its ir.model.fields (webhook recordings 03-a and 03-b): the recorded
    /// ids for the fields the recordings looked up, the next ids for the other fields the double knows.
    /// </summary>
    public void FillModelRegistry(OdooRecordStore store)
    {
        var mo = Schemas["mrp.production"];
        var modelId = ProductionModelId;
        store.AddUnlocked("ir.model", new JsonObject { ["id"] = modelId, ["model"] = mo.Name, ["name"] = mo.Description, ["state"] = "base", ["transient"] = false });
        var recorded = Is19
            ? new Dictionary<string, long> { ["id"] = 7872, ["name"] = 7896, ["origin"] = 7899, ["product_qty"] = 7908, ["qty_producing"] = 7912, ["state"] = 7926, ["qty_produced"] = 7940, ["write_date"] = 7979 }
            : new Dictionary<string, long> { ["name"] = 7047, ["origin"] = 7050, ["product_qty"] = 7056, ["qty_producing"] = 7059, ["state"] = 7074, ["qty_produced"] = 7086, ["id"] = 7120, ["write_date"] = 7125 };
        var next = recorded.Values.Max() + 1;
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

    /// <summary>The ir.model id of mrp.production in the recorded database (03-a).</summary>
    public long ProductionModelId => Is19 ? 602 : 562;

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

        var stock = Is19 ? 5L : 8L;
        store.AddUnlocked("stock.location", new JsonObject { ["id"] = stock, ["name"] = "Stock", ["complete_name"] = "WH/Stock", ["display_name"] = "WH/Stock", ["usage"] = "internal" });
        store.AddUnlocked("stock.location", new JsonObject { ["id"] = 15, ["name"] = "Production", ["complete_name"] = "Virtual Locations/Production", ["display_name"] = "Virtual Locations/Production", ["usage"] = "production" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = 1, ["name"] = "OdooBot", ["login"] = "__system__" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = 2, ["name"] = "Mitchell Admin", ["login"] = "admin" });
        store.AddUnlocked("res.users", new JsonObject { ["id"] = uid, ["name"] = "API Integration (C#)", ["login"] = login });

        FillModelRegistry(store);
        FillProducts(store);
        FillManufacturingOrders(store);
        FillPartners(store);
        FillQuants(store, stock);
    }

    // Demo products the recordings name (in MOs and quants), then plain stand-ins up to the recorded count
    // (search_count: 67 on 19.0, 55 on 17.0; the highest recorded id is the last product).
    private void FillProducts(OdooRecordStore store)
    {
        var named = Is19
            ? new Dictionary<long, (string Code, string Name)> { [8] = ("FURN_7800", "Desk Combination"), [20] = ("E-COM07", "Large Cabinet"), [21] = ("E-COM08", "Storage Box"), [36] = ("FURN_0789", "Individual Workplace"), [55] = ("FURN_8522", "Table Top") }
            : new Dictionary<long, (string Code, string Name)> { [8] = ("FURN_7800", "Desk Combination"), [17] = ("E-COM07", "Large Cabinet"), [18] = ("E-COM08", "Storage Box"), [30] = ("FURN_0789", "Individual Workplace"), [38] = ("FURN_8522", "Table Top") };
        var firstMfg = Is19 ? 69L : 54L;
        var archived = Is19 ? new long[] { 64, 65, 66, 67 } : [53];
        for (long id = 1; id < firstMfg; id++)
        {
            var (code, name) = named.TryGetValue(id, out var n) ? n : ($"DEMO-{id:000}", $"Demo Product {id}");
            var product = new JsonObject
            {
                ["id"] = id, ["name"] = name, ["default_code"] = code, ["barcode"] = false, ["list_price"] = OdooJson.PythonFloat(10), ["standard_price"] = OdooJson.PythonFloat(5),
                ["type"] = "consu",
            };
            if (Is19)
            {
                product["is_storable"] = named.ContainsKey(id);
            }
            else
            {
                product["detailed_type"] = named.ContainsKey(id) ? "product" : "consu";
                product["type"] = product["detailed_type"]!.DeepClone();
            }
            product["categ_id"] = new JsonArray(1, "All");
            product["uom_id"] = new JsonArray(1, "Units");
            product["qty_available"] = OdooJson.PythonFloat(0);
            product["virtual_available"] = OdooJson.PythonFloat(0);
            product["description"] = false;
            product["active"] = !archived.Contains(id);
            store.AddUnlocked("product.product", product);
        }
    }

    // MOs 1-6 are Odoo's demo MOs (1 and 3 recorded; 2 is the draft MO of case 16); 7-12 are the SEED-* orders
    // (7-9 recorded; 10-12 are SEED-TO-CLOSE, SEED-DONE, SEED-CANCEL with values in the same style).
    private static void FillManufacturingOrders(OdooRecordStore store)
    {
        var seeded = store.Find("mrp.production", 8)!;
        string stamp = seeded["write_date"]!.GetValue<string>(), start = seeded["date_start"]!.GetValue<string>(), end = seeded["date_finished"]!.GetValue<string>();
        var demoStamp = store.Find("mrp.production", 1)!["write_date"]!.GetValue<string>();
        var demoStart = store.Find("mrp.production", 1)!["date_start"]!.GetValue<string>();
        var gearPump = seeded["product_id"]!.AsArray()[0]!.AsLong();
        var bracket = store.Find("mrp.production", 9)!["product_id"]!.AsArray()[0]!.AsLong();
        var tableTop = store.Find("mrp.production", 3)!["product_id"]!.AsArray()[0]!.AsLong();
        var desk = store.Find("mrp.production", 1)!["product_id"]!.AsArray()[0]!.AsLong();

        JsonObject Mo(long id, long product, double qty, string state, double producing, string? origin, bool demo) => new()
        {
            ["id"] = id, ["name"] = $"WH/MO/{id:00000}", ["product_id"] = store.Many2One("product.product", product), ["product_qty"] = OdooJson.PythonFloat(qty),
            ["product_uom_id"] = new JsonArray(1, "Units"), ["state"] = state, ["date_start"] = demo ? demoStart : start,
            ["date_finished"] = demo ? demoStart : end, ["date_deadline"] = false, ["priority"] = "0",
            ["user_id"] = demo ? new JsonArray(1, "OdooBot") : new JsonArray(2, "Mitchell Admin"),
            ["company_id"] = new JsonArray(1, "My Company (San Francisco)"), ["origin"] = origin is null ? false : origin,
            ["qty_produced"] = OdooJson.PythonFloat(state == "done" ? producing : 0), ["qty_producing"] = OdooJson.PythonFloat(producing),
            ["write_date"] = demo ? demoStamp : stamp, ["create_date"] = demo ? demoStamp : stamp,
        };
        store.AddUnlocked("mrp.production", Mo(2, tableTop, 2, "draft", 0, null, demo: true));
        store.AddUnlocked("mrp.production", Mo(4, desk, 1, "done", 1, null, demo: true));
        store.AddUnlocked("mrp.production", Mo(5, tableTop, 4, "progress", 1, null, demo: true));
        store.AddUnlocked("mrp.production", Mo(6, desk, 2, "draft", 0, null, demo: true));
        store.AddUnlocked("mrp.production", Mo(10, bracket, 4, "to_close", 4, "SEED-TO-CLOSE", demo: false));
        store.AddUnlocked("mrp.production", Mo(11, gearPump, 3, "done", 3, "SEED-DONE", demo: false));
        store.AddUnlocked("mrp.production", Mo(12, bracket, 6, "cancel", 0, "SEED-CANCEL", demo: false));
    }

    // The seeded companies the recordings do not read back (CUST-0001, VEND-0001, VEND-0002); their names sort
    // after the recorded ones so that the recorded first pages stay the same.
    private void FillPartners(OdooRecordStore store)
    {
        var ids = Is19 ? new long[] { 45, 47, 48 } : [43, 45, 46];
        JsonObject Company(long id, string name, string email, string city, string zip, string country, long countryId, string vat, string @ref) => new()
        {
            ["id"] = id, ["name"] = name, ["email"] = email, ["phone"] = "+49 30 1234 5600", ["street"] = "Industriestrasse 5", ["city"] = city,
            ["zip"] = zip, ["country_id"] = new JsonArray(countryId, country), ["is_company"] = true, ["vat"] = vat, ["ref"] = @ref,
        };
        var companies = new[]
        {
            Company(ids[0], "Nordhafen Pumpen GmbH", "einkauf@nordhafen.example", "Hamburg", "20457", "Germany", 57, "DE123456788", "CUST-0001"),
            Company(ids[1], "Precision Castings Ltd", "sales@precision-castings.example", "Sheffield", "S1 2HE", "United Kingdom", 231, "GB123456782", "VEND-0001"),
            Company(ids[2], "Steel & Fasteners Supply Co.", "orders@steelfasteners.example", "Detroit", "48201", "United States", 233, "US12345670", "VEND-0002"),
        };
        foreach (var company in companies)
        {
            if (!Is19)
            {
                company["mobile"] = false;
            }
            store.AddUnlocked("res.partner", company);
        }
        foreach (var partner in store.Records("res.partner"))
        {
            if (!Is19)
            {
                partner["mobile"] ??= false;
            }
        }
    }

    private void FillQuants(OdooRecordStore store, long stock)
    {
        // Stock of the two finished goods, matching their recorded qty_available (12 and 79).
        long first = Is19 ? 66 : 70;
        var gearPump = Is19 ? 69L : 54L;
        foreach (var (id, product, qty) in new[] { (first, gearPump, 12), (first + 1, gearPump + 1, 79) })
        {
            store.AddUnlocked("stock.quant", new JsonObject
            {
                ["id"] = id, ["product_id"] = store.Many2One("product.product", product), ["location_id"] = new JsonArray(stock, "WH/Stock"),
                ["quantity"] = OdooJson.PythonFloat(qty), ["reserved_quantity"] = OdooJson.PythonFloat(0), ["available_quantity"] = OdooJson.PythonFloat(qty), ["lot_id"] = false, ["package_id"] = false,
            });
        }
    }
}
