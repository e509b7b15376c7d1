using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The ORM's part for the wizards button_mark_done answers (mrp/wizard/*.py): transient models a client creates with
/// create({}) and the action's context (every value comes from its default_* keys), then confirms with a button that
/// calls button_mark_done again with the context the wizard sets (skip_backorder, skip_consumption, skip_immediate).
/// </summary>
internal sealed partial class OdooOrm
{
    /// <summary>What a create takes from the context: default_&lt;field&gt; for every field the values leave out (Odoo's default_get).</summary>
    private static JsonObject WithContextDefaults(OdooModelSchema schema, JsonObject vals, JsonObject context)
    {
        var result = (JsonObject)vals.DeepClone();
        foreach (var (key, value) in context)
        {
            if (key.StartsWith("default_", StringComparison.Ordinal) && key["default_".Length..] is var field && schema.HasField(field) && !result.ContainsKey(field))
            {
                result[field] = value?.DeepClone();
            }
        }
        // mrp.immediate.production's default_get: a line to process for every order of default_mo_ids.
        if (schema.Name == "mrp.immediate.production" && !result.ContainsKey("immediate_production_line_ids") && result["mo_ids"] is JsonArray orders)
        {
            result["immediate_production_line_ids"] = new JsonArray([.. orders.OfType<JsonArray>().Select(command => (JsonNode?)new JsonArray(0, 0,
                new JsonObject { ["to_immediate"] = true, ["production_id"] = command[1]!.DeepClone() }))]);
        }
        return result;
    }

    private List<JsonObject> WizardOrders(OdooInvocation call, string field)
    {
        var ids = new List<long>();
        foreach (var wizard in Existing(call, call.Schema, call.Ids))
        {
            ids.AddRange(wizard[field] is JsonArray linked ? linked.Select(id => id!.AsLong()) : []);
        }
        return ById(Existing(call, Schema(Productions)!, ids)).ToList();
    }

    private List<JsonObject> Lines(string model, string inverse, IReadOnlyList<long> wizards) =>
        [.. _store.Records(model).Where(line => wizards.Contains(OdooStockMoves.RefId(line[inverse])))];

    private OdooInvocation MarkDoneCall(OdooInvocation call, JsonObject context) => call with { Schema = Schema(Productions)!, Context = context };

    /// <summary>mrp.production.backorder.action_backorder: the orders done, those of the lines to backorder split (18-e).</summary>
    private JsonNode ActionBackorder(OdooInvocation call)
    {
        var context = (JsonObject)call.Context.DeepClone();
        context.Remove("default_mrp_production_ids");
        var always = context["always_backorder_mo_ids"] is JsonArray forced ? ToIds(forced) : [];
        context.Remove("always_backorder_mo_ids");
        var toBackorder = Lines("mrp.production.backorder.line", "mrp_production_backorder_id", call.Ids)
            .Where(line => IsTrue(line["to_backorder"])).Select(line => OdooStockMoves.RefId(line["mrp_production_id"])).Concat(always);
        context["skip_backorder"] = true;
        context["mo_ids_to_backorder"] = new JsonArray([.. toBackorder.Select(id => (JsonNode?)id)]);
        return MarkDone(MarkDoneCall(call, context), WizardOrders(call, "mrp_production_ids"));
    }

    /// <summary>mrp.production.backorder.action_close_mo: the orders done without backorder (19-h).</summary>
    private JsonNode ActionCloseMo(OdooInvocation call)
    {
        var context = (JsonObject)call.Context.DeepClone();
        var always = context["always_backorder_mo_ids"]?.DeepClone() ?? new JsonArray();
        context.Remove("always_backorder_mo_ids");
        context["skip_backorder"] = true;
        context["mo_ids_to_backorder"] = always;
        return MarkDone(MarkDoneCall(call, context), WizardOrders(call, "mrp_production_ids"));
    }

    /// <summary>mrp.consumption.warning.action_confirm: the consumption accepted, the orders done (21-i).</summary>
    private JsonNode ConsumptionWarningConfirm(OdooInvocation call)
    {
        var context = (JsonObject)call.Context.DeepClone();
        context.Remove("default_mrp_production_ids");
        context["skip_consumption"] = true;
        return MarkDone(MarkDoneCall(call, context), WizardOrders(call, "mrp_production_ids"));
    }

    /// <summary>
    /// 16.0's mrp.immediate.production.process: the orders of the lines to process produce their whole quantity with
    /// every component consumed, then those of button_mark_done_production_ids are done (skip_immediate) (20-f).
    /// </summary>
    private JsonNode ImmediateProductionProcess(OdooInvocation call)
    {
        var lines = Lines("mrp.immediate.production.line", "immediate_production_id", call.Ids);
        var toDo = lines.Where(l => IsTrue(l["to_immediate"])).Select(l => OdooStockMoves.RefId(l["production_id"])).ToHashSet();
        var notToDo = lines.Where(l => !IsTrue(l["to_immediate"])).Select(l => OdooStockMoves.RefId(l["production_id"])).ToHashSet();
        var schema = Schema(Productions)!;
        foreach (var order in ById(Existing(call, schema, [.. toDo])))
        {
            Step(call, schema, order, r =>
            {
                r["qty_producing"] = OdooJson.PythonFloat(Number(r["product_qty"]) - Number(r["qty_produced"]));
                _moves.RecordProduction(r);
                ComputeState(r);
            });
        }
        if (call.Context["button_mark_done_production_ids"] is not JsonArray validate)
        {
            return true;
        }
        var context = (JsonObject)call.Context.DeepClone();
        context["skip_immediate"] = true;
        var orders = ById(Existing(call, schema, [.. ToIds(validate).Where(id => !notToDo.Contains(id))])).ToList();
        return MarkDone(MarkDoneCall(call, context), orders);
    }
}
