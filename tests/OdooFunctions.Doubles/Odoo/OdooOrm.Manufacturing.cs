using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The ORM's part for manufacturing orders, as Odoo's mrp module runs them (mrp_production.py of the version): their
/// creation with their moves, the state machine (action_confirm, action_start, set_qty_producing, button_plan,
/// action_cancel) and button_mark_done with the checks that answer a wizard (immediate production, consumption,
/// backorder), the backorder split and the posting of the moves. Where versions differ, <see cref="OdooVersion"/> says how.
/// </summary>
internal sealed partial class OdooOrm
{
    private const string Productions = "mrp.production";

    // ---- creation ----

    /// <summary>
    /// A new MO's values with Odoo's defaults filled in; <paramref name="values"/> as sent by a client. Its name comes from
    /// the order sequence; the planned start is given or now, the planned end an hour later (the product has no
    /// delay); 16.0's actual start and end stay empty until production. The responsible user and creator is <paramref name="user"/>.
    /// </summary>
    private JsonObject NewOrder(JsonObject values, JsonNode user)
    {
        var stamp = _store.Stamp();
        var id = _store.NextId(Productions);
        var productId = OdooStockMoves.RefId(values["product_id"]);
        var product = _store.Find("product.product", productId);
        var start = values[Version.PlannedStartField] is JsonValue given && given.GetValueKind() == JsonValueKind.String ? given.GetValue<string>() : OdooRecordStore.Now();
        var record = new JsonObject
        {
            ["id"] = id,
            ["name"] = _store.NextOrderName(id),
            ["product_id"] = _store.Many2One("product.product", productId),
            ["product_qty"] = OdooJson.PythonFloat(values["product_qty"] is JsonValue qty && qty.GetValueKind() == JsonValueKind.Number ? qty.AsDouble() : 1),
            ["product_uom_id"] = product?["uom_id"]?.DeepClone() ?? new JsonArray(1, "Units"),
            ["state"] = "draft",
            [Version.PlannedStartField] = start,
            [Version.PlannedEndField] = DateTime.ParseExact(start, OdooRecordStore.DateTimeFormat, CultureInfo.InvariantCulture).AddHours(1)
                .ToString(OdooRecordStore.DateTimeFormat, CultureInfo.InvariantCulture),
        };
        record["date_start"] ??= false;
        record["date_finished"] ??= false;
        record["date_deadline"] = false;
        record["priority"] = "0";
        record["user_id"] = user.DeepClone();
        record["create_uid"] = user.DeepClone();
        record["company_id"] = new JsonArray(1, "My Company (San Francisco)");
        record["origin"] = false;
        record["qty_produced"] = OdooJson.PythonFloat(0);
        record["qty_producing"] = OdooJson.PythonFloat(0);
        record["consumption"] = "flexible";
        record["write_date"] = stamp;
        record["create_date"] = stamp;
        foreach (var (key, value) in values)
        {
            if (key is not ("product_id" or "product_qty") && key != Version.PlannedStartField)
            {
                record[key] = value?.DeepClone();
            }
        }
        return record;
    }

    /// <summary>An MO created over RPC: the record, then its draft moves (mrp's create computes move_raw_ids and move_finished_ids).</summary>
    private long CreateOrder(JsonObject converted, OdooUser user)
    {
        converted["product_id"] = OdooStockMoves.RefId(converted["product_id"]);
        var id = _store.AddUnlocked(Productions, NewOrder(converted, user.Reference()));
        _moves.Create(_store.Find(Productions, id)!);
        return id;
    }

    /// <summary>
    /// <see cref="OdooRecordStore.AddManufacturingOrder"/>: the API user's create and the actions that lead to
    /// <paramref name="state"/>, without automation rules: confirmed, started (progress), produced in full and recorded
    /// on the components (to_close), posted (done), or cancelled.
    /// </summary>
    internal long AddOrder(long productId, double qty, string state)
    {
        var id = _store.AddUnlocked(Productions, NewOrder(new JsonObject { ["product_id"] = productId, ["product_qty"] = qty }, _store.ApiUserReference()));
        var order = _store.Find(Productions, id)!;
        var moves = _moves.Create(order);
        if (state == "cancel")
        {
            _moves.Cancel(order);
        }
        else if (state != "draft")
        {
            // Its own moves, not a search of every move: benchmarks add orders by the ten thousand.
            order["consumption"] = _moves.BomOf(order)?.Consumption ?? "flexible";
            _moves.Confirm(order, moves);
            if (state is "to_close" or "done")
            {
                order["qty_producing"] = OdooJson.PythonFloat(qty);
                _moves.RecordProduction(order);
            }
            if (state == "done")
            {
                Post(order, closeRemaining: true);
            }
        }
        order["state"] = state;
        return id;
    }

    /// <summary>The order's component moves that are not cancelled, by id: their demand and what they consumed (<see cref="OdooStockMoves.Consumed"/>).</summary>
    internal Dictionary<long, (double Demand, double Consumed)> Components(long orderId) =>
        _store.Find(Productions, orderId) is { } order
            ? _moves.Raw(order).Where(m => State(m) != "cancel").ToDictionary(m => m["id"]!.AsLong(), m => (Number(m["product_uom_qty"]), _moves.Consumed(m)))
            : [];

    // ---- the state machine ----

    private static string State(JsonObject record) => record["state"]?.GetValue<string>() ?? "draft";

    private static double Number(JsonNode? node) => OdooDomainFilter.ToDouble(node);

    /// <summary>Odoo's _compute_state for the states driven by what was produced and consumed.</summary>
    private void ComputeState(JsonObject record)
    {
        var state = State(record);
        if (state is not ("confirmed" or "progress" or "to_close"))
        {
            return;
        }
        double producing = Number(record["qty_producing"]), qty = Number(record["product_qty"]);
        if (producing > 0 && producing >= qty)
        {
            record["state"] = "to_close";
        }
        else if (producing > 0 || state == "to_close" || _moves.Raw(record).Any(m => _moves.Consumed(m) > 0))
        {
            record["state"] = "progress";
        }
    }

    /// <summary>action_confirm of one draft order: its consumption rule from the BoM, its moves confirmed and reserved.</summary>
    private void Confirm(JsonObject order)
    {
        order["consumption"] = _moves.BomOf(order)?.Consumption ?? "flexible";
        _moves.Confirm(order);
        order["state"] = "confirmed";
        ComputeState(order);
    }

    private JsonNode ActionConfirm(OdooInvocation call)
    {
        foreach (var record in ById(Existing(call, call.Schema, call.Ids)).Where(r => State(r) == "draft"))
        {
            Step(call, call.Schema, record, Confirm);
        }
        return true;
    }

    /// <summary>button_plan: confirms draft orders and plans their work orders; an order without work orders stays as it is (22-e/f).</summary>
    private JsonNode ButtonPlan(OdooInvocation call) => ActionConfirm(call);

    private static void EnsureOne(OdooInvocation call)
    {
        if (call.Ids.Count != 1)
        {
            throw OdooServerError.ValueError($"Expected singleton: {call.Schema.Name}({string.Join(", ", call.Ids)})");
        }
    }

    private JsonNode? ActionStart(OdooInvocation call)
    {
        // action_start calls ensure_one() first: several ids fail and nothing changes (webhook recordings 19.0/10-c).
        EnsureOne(call);
        foreach (var record in Existing(call, call.Schema, call.Ids).Where(r => State(r) == "confirmed"))
        {
            Step(call, call.Schema, record, r => r["state"] = "progress");
        }
        return null;
    }

    /// <summary>set_qty_producing (17.0 on): the components consume their share of qty_producing and are picked (18.0 17-g).</summary>
    private JsonNode? SetQtyProducing(OdooInvocation call)
    {
        EnsureOne(call);
        foreach (var record in Existing(call, call.Schema, call.Ids))
        {
            Step(call, call.Schema, record, r =>
            {
                _moves.RecordProduction(r);
                ComputeState(r);
            });
        }
        return null;
    }

    private JsonNode ActionCancel(OdooInvocation call)
    {
        var records = Existing(call, call.Schema, call.Ids);
        if (Version.CancelOfDoneRefused && records.Any(r => State(r) == "done"))
        {
            throw OdooServerError.UserError("You cannot cancel a manufacturing order that is already done.");
        }
        // Before 19.0 a done order's moves are done already: true, and it stays done (11-j).
        foreach (var record in ById(records).Where(r => State(r) != "done"))
        {
            Step(call, call.Schema, record, r =>
            {
                _moves.Cancel(r);
                r["state"] = "cancel";
            });
        }
        return true;
    }

    /// <summary>A move written over RPC: its reservation follows its quantity, and what a component consumed moves its order (16.0: progress once something is consumed).</summary>
    private void AfterMoveWrite(OdooInvocation call, JsonObject move)
    {
        _moves.FollowReservation(move);
        var order = OdooStockMoves.RefId(move["raw_material_production_id"]) is var raw && raw > 0 ? raw : OdooStockMoves.RefId(move["production_id"]);
        if (_store.Find(Productions, order) is { } production)
        {
            Step(call, Schema(Productions)!, production, ComputeState);
        }
    }

    /// <summary>An order's moves go with it when it is deleted.</summary>
    private void RemoveMoves(long order)
    {
        foreach (var move in _store.Records("stock.move").Where(m => OdooStockMoves.RefId(m["raw_material_production_id"]) == order || OdooStockMoves.RefId(m["production_id"]) == order)
            .Select(m => m["id"]!.AsLong()).ToList())
        {
            _store.Remove("stock.move", move);
        }
    }

    // ---- button_mark_done ----

    private JsonNode ButtonMarkDone(OdooInvocation call) => MarkDone(call, ById(Existing(call, call.Schema, call.Ids)).ToList());

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    /// <summary>
    /// button_mark_done of <paramref name="records"/> with the call's context: first what may answer a wizard instead
    /// (_pre_button_mark_done: 16.0's immediate production and its checks, or from 17.0 producing everything when nothing
    /// was recorded; then the consumption and the backorder questions), then the split of the orders in
    /// mo_ids_to_backorder, the posting of the moves and the orders done.
    /// </summary>
    private JsonNode MarkDone(OdooInvocation call, List<JsonObject> records)
    {
        var schema = Schema(Productions)!;
        foreach (var record in records)
        {
            if (State(record) is "draft" or "done" or "cancel")
            {
                throw OdooServerError.UserError(State(record) == "draft"
                    ? "You need to confirm the manufacturing order before marking it as done."
                    : "The manufacturing order is already done or cancelled.");
            }
        }
        var context = (JsonObject)call.Context.DeepClone();
        if (Version.MarkDoneIdsInContext && context["button_mark_done_production_ids"] is null)
        {
            // 16.0 passes the orders it was called for on to the wizards (mrp.immediate.production.process uses them).
            context["button_mark_done_production_ids"] = new JsonArray([.. records.Select(r => (JsonNode?)r["id"]!.DeepClone())]);
        }
        // The injected warning is asked first, whatever the moves say; the wizard confirms with skip_consumption.
        if (call.Fault == OdooFault.ConsumptionWarning && !IsTrue(context["skip_consumption"]))
        {
            return InjectedConsumptionWarning(records, context);
        }

        if (Version.ImmediateProductionWizard)
        {
            var immediate = IsTrue(context["skip_immediate"]) ? [] : records.Where(r => Number(r["qty_producing"]) <= 0 && _moves.NothingRecorded(r)).ToList();
            if (immediate.Count > 0)
            {
                return ImmediateProductionWizard(immediate, context);
            }
            foreach (var record in records)
            {
                if (Number(record["qty_producing"]) <= 0)
                {
                    throw OdooServerError.UserError("The quantity to produce must be positive!");
                }
                if (_moves.ConsumedNothing(record))
                {
                    throw OdooServerError.UserError("You must indicate a non-zero amount consumed for at least one of your components");
                }
            }
        }
        else
        {
            // Nothing recorded as produced means "produce everything": _set_quantities (18.0 20-c).
            foreach (var record in records.Where(r => Number(r["qty_producing"]) <= 0))
            {
                Step(call, schema, record, r =>
                {
                    r["qty_producing"] = OdooJson.PythonFloat(Number(r["product_qty"]) - Number(r["qty_produced"]));
                    _moves.RecordProduction(r);
                });
            }
        }

        var skipConsumption = IsTrue(context["skip_consumption"]) || (Version.ImmediateProductionWizard && IsTrue(context["skip_immediate"]));
        var issues = skipConsumption ? [] : records.SelectMany(r => _moves.ConsumptionIssues(r).Select(i => (Order: r, i.Product, i.Consumed, i.Expected))).ToList();
        if (issues.Count > 0)
        {
            return ConsumptionWarning(records, issues, context);
        }
        var partial = IsTrue(context["skip_backorder"]) ? [] : records.Where(r => Number(r["product_qty"]) - Number(r["qty_producing"]) > 0).ToList();
        if (partial.Count > 0)
        {
            return BackorderWizard(records, partial, context);
        }

        var toBackorder = context["mo_ids_to_backorder"] is JsonArray list ? ToIds(list) : [];
        var backorders = new List<long>();
        // The split first: the original keeps what was produced, which makes it to_close (a change of state the rules
        // see: the first of the two POSTs of 05-f/05-h), then everything is done (the second).
        foreach (var record in records.Where(r => toBackorder.Contains(r["id"]!.AsLong())))
        {
            double producing = Number(record["qty_producing"]), qty = Number(record["product_qty"]);
            if (producing >= qty)
            {
                continue;
            }
            if (Version.BackorderSplitReadsAnalyticLines && !call.User.ReadsAnalyticLines)
            {
                // mrp_account reads the moves' analytic lines while the split renames the order; the call is rolled back.
                throw OdooServerError.AccessError(AnalyticLineAccessError);
            }
            Step(call, schema, record, r =>
            {
                var backorder = CreateBackorder(call, r, qty - producing);
                backorders.Add(backorder["id"]!.AsLong());
                r["product_qty"] = r["qty_producing"]!.DeepClone();
                _moves.Split(r, backorder, qty);
                ComputeState(r);
            });
        }
        foreach (var record in records)
        {
            Step(call, schema, record, r => Post(r, closeRemaining: !toBackorder.Contains(r["id"]!.AsLong())));
        }
        return backorders.Count == 0 ? true : BackordersMade(backorders, context);
    }

    /// <summary>
    /// The moves posted and the order done (_post_inventory, then button_mark_done's write): what it produced, priority back
    /// to normal; 16.0 also sets product_qty to what was produced (19-i). An order closed without a backorder has its
    /// still open moves set done.
    /// </summary>
    private void Post(JsonObject order, bool closeRemaining)
    {
        _moves.Post(order);
        if (closeRemaining)
        {
            _moves.CloseRemaining(order);
        }
        var produced = _moves.Finished(order).Count > 0 ? _moves.Produced(order) : Number(order["qty_producing"]);
        order["state"] = "done";
        order["qty_produced"] = OdooJson.PythonFloat(produced);
        order["priority"] = "0";
        order["date_finished"] = OdooRecordStore.Now();
        if (Version.ClosingSetsProductQtyToProduced)
        {
            order["product_qty"] = OdooJson.PythonFloat(produced);
        }
    }

    /// <summary>
    /// A wizard action as the version's button_mark_done answers it: the recorded action dict with the call's context,
    /// updated as Odoo updates it (the template's other keys where the context lacks them, e.g. 18.0's
    /// always_backorder_mo_ids; the computed default_* values in the template's order).
    /// </summary>
    private static JsonObject WizardAction(JsonObject template, JsonObject context, JsonObject defaults)
    {
        var action = (JsonObject)template.DeepClone();
        var merged = (JsonObject)context.DeepClone();
        foreach (var (key, value) in action["context"]!.AsObject())
        {
            if (defaults[key] is { } computed)
            {
                merged[key] = computed.DeepClone();
            }
            else if (!merged.ContainsKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }
        action["context"] = merged;
        return action;
    }

    private static JsonArray OrderIds(IEnumerable<JsonObject> records) => new([.. records.Select(r => (JsonNode?)r["id"]!.DeepClone())]);

    private JsonObject BackorderWizard(List<JsonObject> records, List<JsonObject> partial, JsonObject context) =>
        WizardAction(_seed.BackorderAction, context, new JsonObject
        {
            ["default_mrp_production_ids"] = OrderIds(records),
            ["default_mrp_production_backorder_line_ids"] = new JsonArray([.. partial.Select(r => (JsonNode?)new JsonArray(0, 0,
                new JsonObject { ["mrp_production_id"] = r["id"]!.DeepClone(), ["to_backorder"] = true }))]),
        });

    private JsonObject ConsumptionWarning(List<JsonObject> records, List<(JsonObject Order, long Product, double Consumed, double Expected)> issues, JsonObject context) =>
        WizardAction(_seed.ConsumptionWarningAction, context, new JsonObject
        {
            ["default_mrp_production_ids"] = OrderIds(records),
            ["default_mrp_consumption_warning_line_ids"] = new JsonArray([.. issues.Select(i => (JsonNode?)new JsonArray(0, 0, new JsonObject
            {
                ["mrp_production_id"] = i.Order["id"]!.DeepClone(),
                ["product_id"] = i.Product,
                ["consumption"] = i.Order["consumption"]?.DeepClone() ?? "warning",
                ["product_uom_id"] = OdooStockMoves.RefId(_store.Find("product.product", i.Product)?["uom_id"]) is var uom && uom > 0 ? uom : 1,
                ["product_consumed_qty_uom"] = OdooJson.PythonFloat(i.Consumed),
                ["product_expected_qty_uom"] = OdooJson.PythonFloat(i.Expected),
            }))]),
        });

    /// <summary>
    /// <see cref="OdooFault.ConsumptionWarning"/>: the recorded warning for the called orders, one line each, its
    /// component and quantities the recorded ones (Shaft Seal Kit, 10 expected, 11 consumed), whatever the moves say.
    /// </summary>
    private JsonObject InjectedConsumptionWarning(List<JsonObject> records, JsonObject context)
    {
        var template = _seed.ConsumptionWarningAction;
        var recordedLine = template["context"]!["default_mrp_consumption_warning_line_ids"]![0]![2]!.AsObject();
        return WizardAction(template, context, new JsonObject
        {
            ["default_mrp_production_ids"] = OrderIds(records),
            ["default_mrp_consumption_warning_line_ids"] = new JsonArray([.. records.Select(r =>
            {
                var line = (JsonObject)recordedLine.DeepClone();
                line["mrp_production_id"] = r["id"]!.DeepClone();
                return (JsonNode?)new JsonArray(0, 0, line);
            })]),
        });
    }

    /// <summary>16.0's "Immediate Production?" action for orders with nothing recorded (20-c).</summary>
    private JsonObject ImmediateProductionWizard(List<JsonObject> records, JsonObject context) =>
        WizardAction(_seed.ImmediateProductionAction!, context, new JsonObject
        {
            ["default_mo_ids"] = new JsonArray([.. records.Select(r => (JsonNode?)new JsonArray(4, r["id"]!.DeepClone()))]),
        });

    /// <summary>
    /// Not true once backorders were made: Odoo opens them. One backorder: the recorded action (17.0 05-f, 19.0 05-h,
    /// 16.0 18-g), its form with res_id. Several (not recorded; shape from Odoo's mrp_production.py): a list of them. The
    /// context is the call's as Odoo passes it on: default_* keys dropped, skip_* set to false, mo_ids_to_backorder None
    /// (16.0 also button_mark_done_production_ids).
    /// </summary>
    private JsonObject BackordersMade(List<long> backorders, JsonObject callContext)
    {
        var context = new JsonObject();
        foreach (var (key, value) in callContext)
        {
            if (!key.StartsWith("default_", StringComparison.Ordinal))
            {
                context[key] = key.StartsWith("skip_", StringComparison.Ordinal) ? false : value?.DeepClone();
            }
        }
        context["mo_ids_to_backorder"] = null;
        if (Version.MarkDoneIdsInContext)
        {
            context["button_mark_done_production_ids"] = null;
        }
        var action = (JsonObject)_seed.BackorderCreatedAction.DeepClone();
        action["context"] = context;
        if (backorders.Count == 1)
        {
            action["res_id"] = backorders[0];
            return action;
        }
        var listMode = Version.ListViewMode;
        return new JsonObject
        {
            ["res_model"] = action["res_model"]!.DeepClone(),
            ["type"] = action["type"]!.DeepClone(),
            ["context"] = context.DeepClone(),
            ["name"] = "Backorder MO",
            ["domain"] = new JsonArray(new JsonArray("id", "in", new JsonArray([.. backorders.Select(id => (JsonNode?)id)]))),
            ["views"] = new JsonArray(new JsonArray(false, listMode), new JsonArray(false, "form")),
            ["view_mode"] = $"{listMode},form",
        };
    }

    /// <summary>
    /// Odoo's _split_productions for one MO: the original becomes &lt;name&gt;-001 (backorder_sequence 1) unless it is
    /// a backorder already; the new MO takes the next number of the family, the rest of the quantity, and starts
    /// confirmed with nothing produced.
    /// </summary>
    private JsonObject CreateBackorder(OdooInvocation call, JsonObject original, double remaining)
    {
        var stamp = _store.Stamp();
        var name = original["name"]!.GetValue<string>();
        var sequence = (long)Number(original["backorder_sequence"]);
        var baseName = sequence > 0 && name.LastIndexOf('-') > 0 ? name[..name.LastIndexOf('-')] : name;
        if (sequence == 0)
        {
            original["name"] = $"{baseName}-001";
            original["backorder_sequence"] = 1L;
        }
        foreach (var move in _moves.Raw(original).Concat(_moves.Finished(original)))
        {
            move["name"] = original["name"]!.DeepClone();
        }
        var last = _store.Records(Productions)
            .Where(r => r["name"]?.GetValue<string>() is { } n && (n == baseName || n.StartsWith(baseName + "-", StringComparison.Ordinal)))
            .Max(r => (long)Number(r["backorder_sequence"]));
        var backorder = (JsonObject)original.DeepClone();
        backorder.Remove("id");
        backorder["name"] = $"{baseName}-{last + 1:000}";
        backorder["backorder_sequence"] = last + 1;
        backorder["product_qty"] = OdooJson.PythonFloat(remaining);
        backorder["qty_producing"] = OdooJson.PythonFloat(0);
        backorder["qty_produced"] = OdooJson.PythonFloat(0);
        backorder["state"] = "confirmed";
        backorder["write_date"] = stamp;
        backorder["create_date"] = stamp;
        backorder["create_uid"] = _store.Many2One("res.users", call.User.Uid);
        var id = _store.AddUnlocked(Productions, backorder);
        var created = _store.Find(Productions, id)!;
        // Copied with its state given, not computed: rules on creation run, on_write rules do not (no POST, 05-f).
        _automation.Created(call, Schema(Productions)!, created, []);
        return created;
    }
}
