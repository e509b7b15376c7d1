using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The stock moves of manufacturing orders as Odoo's mrp and stock modules keep them: one component (raw) move per
/// line of the product's bill of materials and one finished move, created in draft with the order, reserved when it
/// is confirmed, their consumed quantity recorded (16.0: quantity_done; 17.0 on: quantity, counted once picked), split
/// for a backorder, posted (done) or cancelled with the order. Stock levels are not modelled: every component is
/// available. Callers hold the store (a writing call's transaction, or the seed under the store's lock).
/// </summary>
internal sealed class OdooStockMoves(OdooRecordStore store, OdooSeed seed)
{
    private const string Model = "stock.move";

    // Units are rounded to 0.01 (uom.uom "Units": rounding 0.01).
    private const double Rounding = 0.01;

    private OdooVersion Version => seed.Version;

    /// <summary>The id of a many2one value ([id, name] or a bare id); 0 when empty.</summary>
    public static long RefId(JsonNode? value) => value switch
    {
        JsonArray { Count: > 0 } pair => pair[0]!.AsLong(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.AsLong(),
        _ => 0,
    };

    public OdooBom? BomOf(JsonObject order) => seed.Boms.GetValueOrDefault(RefId(order["product_id"]));

    /// <summary>The order's component moves (move_raw_ids), by id, ready to change.</summary>
    public List<JsonObject> Raw(JsonObject order) => Of(order, "raw_material_production_id");

    /// <summary>The order's finished moves (move_finished_ids), by id, ready to change.</summary>
    public List<JsonObject> Finished(JsonObject order) => Of(order, "production_id");

    private List<JsonObject> Of(JsonObject order, string inverse)
    {
        var id = order["id"]!.AsLong();
        return [.. store.Records(Model).Where(m => RefId(m[inverse]) == id).Select(m => m["id"]!.AsLong()).ToList().Select(moveId => store.Find(Model, moveId)!)];
    }

    private static bool Open(JsonObject move) => State(move) is not ("done" or "cancel");

    private static string State(JsonObject move) => move["state"]?.GetValue<string>() ?? "draft";

    private static double Number(JsonNode? node) => OdooDomainFilter.ToDouble(node);

    private static double Round(double value) => Math.Round(value / Rounding, MidpointRounding.AwayFromZero) * Rounding;

    private static bool IsZero(double value) => Math.Abs(value) < Rounding / 2;

    /// <summary>The quantity recorded on a move: quantity_done (16.0) or quantity (17.0 on), picked or not.</summary>
    public double Recorded(JsonObject move) => Number(move[Version.HasSetQtyProducing ? "quantity" : "quantity_done"]);

    /// <summary>What a move consumed: 16.0's quantity_done; from 17.0 its quantity once picked.</summary>
    public double Consumed(JsonObject move) =>
        Version.HasSetQtyProducing ? (move["picked"] is JsonValue p && p.GetValueKind() == JsonValueKind.True ? Number(move["quantity"]) : 0) : Number(move["quantity_done"]);

    /// <summary>Records <paramref name="quantity"/> as consumed: 16.0's quantity_done; from 17.0 the quantity, picked (its reservation follows).</summary>
    public void SetConsumed(JsonObject move, double quantity)
    {
        if (!Version.HasSetQtyProducing)
        {
            move["quantity_done"] = OdooJson.PythonFloat(Round(quantity));
            return;
        }
        move["quantity"] = OdooJson.PythonFloat(Round(quantity));
        move["picked"] = true;
        FollowReservation(move);
    }

    /// <summary>From 17.0 a move's quantity is what it holds: its state says whether that covers the demand (18.0 17-g, 21-e).</summary>
    public void FollowReservation(JsonObject move)
    {
        if (!Version.HasSetQtyProducing || State(move) is "draft" or "done" or "cancel")
        {
            return;
        }
        double quantity = Number(move["quantity"]), demand = Number(move["product_uom_qty"]);
        move["state"] = quantity >= demand - Rounding / 2 ? "assigned" : IsZero(quantity) ? "confirmed" : "partially_available";
    }

    /// <summary>
    /// The draft moves of a new order: one per BoM line (its quantity times the order's), then the finished move. Ids as
    /// given (the seed's) or the sequence's. Returns them.
    /// </summary>
    public List<JsonObject> Create(JsonObject order, IReadOnlyList<long>? ids = null)
    {
        var qty = Number(order["product_qty"]);
        var next = 0;
        long? Id() => ids is not null && next < ids.Count ? ids[next++] : null;
        var moves = new List<JsonObject>();
        foreach (var line in BomOf(order)?.Lines ?? [])
        {
            moves.Add(Add(order, line.ProductId, line.Quantity * qty, raw: true, Id()));
        }
        moves.Add(Add(order, RefId(order["product_id"]), qty, raw: false, Id()));
        return moves;
    }

    private JsonObject Add(JsonObject order, long productId, double demand, bool raw, long? id = null, string state = "draft")
    {
        var orderRef = store.Many2One("mrp.production", order["id"]!.AsLong());
        var move = new JsonObject
        {
            ["name"] = order["name"]?.DeepClone(),
            ["product_id"] = store.Many2One("product.product", productId),
            ["product_uom_qty"] = OdooJson.PythonFloat(Round(demand)),
            ["product_uom"] = new JsonArray(1, "Units"),
            ["state"] = state,
        };
        if (Version.HasSetQtyProducing)
        {
            move["quantity"] = OdooJson.PythonFloat(0);
            move["picked"] = false;
        }
        else
        {
            move["quantity_done"] = OdooJson.PythonFloat(0);
        }
        move["raw_material_production_id"] = raw ? orderRef : false;
        move["production_id"] = raw ? false : orderRef.DeepClone();
        if (id is { } given)
        {
            move["id"] = given;
        }
        return store.Find(Model, store.AddUnlocked(Model, move))!;
    }

    /// <summary>
    /// action_confirm's moves (<paramref name="moves"/> when the caller has them, else the order's): the components
    /// reserved (every component is in stock; 17.0 on hold their demand as quantity, not picked), the finished move waiting.
    /// </summary>
    public void Confirm(JsonObject order, IReadOnlyList<JsonObject>? moves = null)
    {
        foreach (var move in (moves ?? [.. Raw(order), .. Finished(order)]).Where(m => State(m) == "draft"))
        {
            if (RefId(move["raw_material_production_id"]) > 0)
            {
                Reserve(move);
            }
            else
            {
                move["state"] = "confirmed";
            }
        }
    }

    private void Reserve(JsonObject move)
    {
        move["state"] = "assigned";
        if (Version.HasSetQtyProducing)
        {
            move["quantity"] = move["product_uom_qty"]!.DeepClone();
            move["picked"] = false;
        }
    }

    /// <summary>A move's share of one unit of the order still to produce (Odoo's unit_factor).</summary>
    public static double UnitFactor(JsonObject move, JsonObject order)
    {
        var remaining = Number(order["product_qty"]) - Number(order["qty_produced"]);
        return remaining > 0 ? Number(move["product_uom_qty"]) / remaining : 0;
    }

    /// <summary>_set_qty_producing: every open component move consumes its share of qty_producing.</summary>
    public void RecordProduction(JsonObject order)
    {
        var producing = Number(order["qty_producing"]) - Number(order["qty_produced"]);
        foreach (var move in Raw(order).Where(Open))
        {
            SetConsumed(move, producing * UnitFactor(move, order));
        }
    }

    /// <summary>A draft or running order's quantity changed: its open moves' demands follow (unit factors stay).</summary>
    public void Rescale(JsonObject order, double oldQty, double newQty)
    {
        if (oldQty <= 0)
        {
            return;
        }
        foreach (var move in Raw(order).Concat(Finished(order)).Where(Open))
        {
            move["product_uom_qty"] = OdooJson.PythonFloat(Round(Number(move["product_uom_qty"]) * newQty / oldQty));
            FollowReservation(move);
        }
    }

    /// <summary>
    /// _split_productions' moves: each open move of <paramref name="original"/> (components, then the finished one) keeps
    /// the original's share of its demand and gives a new move to <paramref name="backorder"/> for the rest, reserved.
    /// </summary>
    public void Split(JsonObject original, JsonObject backorder, double initialQty)
    {
        double kept = Number(original["product_qty"]), moved = Number(backorder["product_qty"]);
        foreach (var (move, raw) in Raw(original).Select(m => (m, true)).Concat(Finished(original).Select(m => (m, false))).Where(p => Open(p.m)).ToList())
        {
            var factor = Number(move["product_uom_qty"]) / initialQty;
            move["product_uom_qty"] = OdooJson.PythonFloat(Round(kept * factor));
            FollowReservation(move);
            var copy = Add(backorder, RefId(move["product_id"]), moved * factor, raw);
            if (raw)
            {
                Reserve(copy);
            }
            else
            {
                copy["state"] = "confirmed";
            }
        }
    }

    /// <summary>
    /// _post_inventory(cancel_backorder=True): the components are consumed and the finished move produces
    /// qty_producing. 16.0 (stock's _action_done): a move with nothing done is cancelled, one that did more than its
    /// demand gets an extra move merged into it (the demand becomes what was done; the extra move's id is used up),
    /// one that did less is split, the rest becoming a cancelled move of the order. From 17.0: picked moves are done as
    /// they are, the others cancelled.
    /// </summary>
    public void Post(JsonObject order)
    {
        foreach (var move in Raw(order).Where(Open).ToList())
        {
            Finish(order, move, raw: true);
        }
        var producing = Number(order["qty_producing"]) - Number(order["qty_produced"]);
        foreach (var move in Finished(order).Where(Open).ToList())
        {
            if (Version.HasSetQtyProducing)
            {
                move["quantity"] = OdooJson.PythonFloat(Round(producing));
                move["picked"] = true;
            }
            else
            {
                move["quantity_done"] = OdooJson.PythonFloat(Round(producing));
            }
            Finish(order, move, raw: false);
        }
    }

    private void Finish(JsonObject order, JsonObject move, bool raw)
    {
        if (!Version.PostsMovesAsOdoo16)
        {
            move["state"] = Consumed(move) > 0 || !raw ? "done" : "cancel";
            return;
        }
        double done = Consumed(move), demand = Number(move["product_uom_qty"]);
        if (done <= 0)
        {
            move["state"] = "cancel";
            return;
        }
        if (done > demand + Rounding / 2)
        {
            // The extra move is created and merged back at once: its id is taken, the demand grows.
            store.NextId(Model);
            move["product_uom_qty"] = OdooJson.PythonFloat(Round(done));
        }
        else if (done < demand - Rounding / 2)
        {
            move["product_uom_qty"] = OdooJson.PythonFloat(Round(done));
            Add(order, RefId(move["product_id"]), demand - done, raw, state: "cancel");
        }
        move["state"] = "done";
    }

    /// <summary>The moves an order closed without a backorder still has open are set done with no demand (button_mark_done).</summary>
    public void CloseRemaining(JsonObject order)
    {
        foreach (var move in Raw(order).Concat(Finished(order)).Where(Open))
        {
            move["state"] = "done";
            move["product_uom_qty"] = OdooJson.PythonFloat(0);
        }
    }

    /// <summary>action_cancel's moves: every open move cancelled.</summary>
    public void Cancel(JsonObject order)
    {
        foreach (var move in Raw(order).Concat(Finished(order)).Where(Open))
        {
            move["state"] = "cancel";
        }
    }

    /// <summary>What the order produced: the done finished moves of its product (qty_produced).</summary>
    public double Produced(JsonObject order)
    {
        var product = RefId(order["product_id"]);
        return Finished(order).Where(m => State(m) == "done" && RefId(m["product_id"]) == product).Sum(m => Version.HasSetQtyProducing ? Number(m["quantity"]) : Number(m["quantity_done"]));
    }

    /// <summary>No component of the order has anything recorded (16.0's _check_immediate).</summary>
    public bool NothingRecorded(JsonObject order) => Raw(order).Where(Open).All(m => IsZero(Recorded(m)));

    /// <summary>16.0: an order with components must have consumed some of them before it can be done.</summary>
    public bool ConsumedNothing(JsonObject order)
    {
        var raw = Raw(order);
        return raw.Count > 0 && raw.All(m => IsZero(Consumed(m)));
    }

    /// <summary>
    /// _get_consumption_issues: where what the components consumed differs from what the BoM expects for qty_producing
    /// (product, consumed, expected), for an order whose consumption is not flexible. An order the double holds no
    /// component moves for (a record added without Odoo's logic) has nothing to compare.
    /// </summary>
    public List<(long Product, double Consumed, double Expected)> ConsumptionIssues(JsonObject order)
    {
        var bom = BomOf(order);
        var raw = Raw(order);
        if (bom is null || raw.Count == 0 || (order["consumption"]?.GetValue<string>() ?? "flexible") == "flexible")
        {
            return [];
        }
        var producing = Number(order["qty_producing"]);
        var expected = new Dictionary<long, double>();
        foreach (var line in bom.Lines)
        {
            expected[line.ProductId] = expected.GetValueOrDefault(line.ProductId) + line.Quantity * producing;
        }
        var issues = new List<(long, double, double)>();
        var consumed = new Dictionary<long, double>();
        foreach (var move in raw)
        {
            var product = RefId(move["product_id"]);
            var quantity = Consumed(move);
            if (!expected.ContainsKey(product))
            {
                if (!IsZero(quantity))
                {
                    issues.Add((product, quantity, 0.0));
                }
                continue;
            }
            consumed[product] = consumed.GetValueOrDefault(product) + quantity;
        }
        foreach (var (product, quantity) in expected)
        {
            var done = consumed.GetValueOrDefault(product);
            if (!IsZero(Round(quantity) - Round(done)))
            {
                issues.Add((product, done, quantity));
            }
        }
        return issues;
    }

    /// <summary>The moves of a seeded order, with the recorded ids where the seed has them, in the state the order's state implies.</summary>
    public void Seed(JsonObject order, IReadOnlyList<long>? ids)
    {
        Create(order, ids);
        var state = order["state"]?.GetValue<string>() ?? "draft";
        if (state == "draft")
        {
            return;
        }
        if (state == "cancel")
        {
            Cancel(order);
            return;
        }
        order["consumption"] ??= BomOf(order)?.Consumption ?? "flexible";
        Confirm(order);
        if (state == "to_close")
        {
            RecordProduction(order);
        }
        if (state == "done")
        {
            // The seeded order says what it produced; its moves are posted as when it was done, from nothing produced.
            var produced = order["qty_produced"]!.DeepClone();
            order["qty_produced"] = OdooJson.PythonFloat(0);
            RecordProduction(order);
            Post(order);
            CloseRemaining(order);
            order["qty_produced"] = produced;
        }
    }
}
