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
    private OdooSeed(string version, JsonObject recorded)
    {
        Version = version;
        Recorded = recorded;
    }

    public string Version { get; }

    public JsonObject Recorded { get; }

    public Dictionary<string, OdooModelSchema> Schemas { get; } = new(StringComparer.Ordinal);

    public JsonObject BackorderAction => Recorded["backorder_action"]!.AsObject();

    /// <summary>What button_mark_done answered once it made one backorder (17.0 05-f, 19.0 05-h of the webhook recordings).</summary>
    public JsonObject BackorderCreatedAction => Recorded["backorder_created_action"]!.AsObject();

    /// <summary>The "Consumption Warning" wizard action as the webhook recording 10-h4 of this version returned it.</summary>
    public JsonObject ConsumptionWarningAction => Recorded["consumption_warning_action"]!.AsObject();

    public static OdooSeed Load(string version)
    {
        var recorded = JsonNode.Parse(OdooResources.Read($"recorded-{version}.json"))!.AsObject();
        var seed = new OdooSeed(version, recorded);
        seed.BuildSchemas();
        return seed;
    }

    private bool Is19 => Version == "19.0";

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

        var mo = FromRecording("mrp.production", Is19 ? "Manufacturing Order" : "Production Order", "MrpProduction", "priority desc, date_start asc, id");
        mo.CreateRequired.Add("product_id");
        // Read back in the webhook recordings (05-g, 10-i); the recorded fields_get was trimmed before it.
        mo.UnlistedFields["backorder_sequence"] = new JsonObject { ["readonly"] = false, ["required"] = false, ["string"] = "Backorder Sequence", ["type"] = "integer" };
        if (!Is19)
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
        var users = new OdooModelSchema("res.users", "User", Is19 ? "ResUsers" : "Users", "name, login",
            new JsonObject
            {
                ["name"] = new JsonObject { ["readonly"] = false, ["required"] = true, ["string"] = "Name", ["type"] = "char" },
                ["login"] = new JsonObject { ["readonly"] = false, ["required"] = true, ["string"] = "Login", ["type"] = "char" },
            }, ["id", "name", "login", "display_name", "create_date", "write_date"]);
        foreach (var schema in new[] { mo, product, partner, quant, location, users })
        {
            Schemas[schema.Name] = schema;
        }
    }

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
