using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The seed's part for manufacturing: the models behind the write path (stock.move and the wizards button_mark_done
/// opens), their fields as Odoo's mrp and stock modules define them (only those the write path uses, in the modules'
/// order, which is the order onchange answers them in), and the moves of the seeded orders.
/// </summary>
internal sealed partial class OdooSeed
{
    private static readonly string[][] MoveStates =
    [
        ["draft", "New"], ["waiting", "Waiting Another Move"], ["confirmed", "Waiting Availability"], ["partially_available", "Partially Available"],
        ["assigned", "Available"], ["done", "Done"], ["cancel", "Cancelled"],
    ];

    private static readonly string[][] Consumptions = [["flexible", "Allowed"], ["warning", "Allowed with warning"], ["strict", "Blocked"]];

    private void BuildManufacturingSchemas()
    {
        var moveFields = new JsonObject
        {
            ["name"] = Field("char", "Description", required: true),
            ["product_id"] = Field("many2one", "Product", required: true, relation: "product.product"),
            ["product_uom_qty"] = Field("float", "Demand", required: true),
            ["product_uom"] = Field("many2one", "UoM", required: true, relation: "uom.uom"),
            ["state"] = Field("selection", "Status", readOnly: true, selection: MoveStates),
        };
        if (Version.HasSetQtyProducing)
        {
            // 17.0 on: what was consumed is the move's quantity, counted once picked.
            moveFields["quantity"] = Field("float", "Quantity");
            moveFields["picked"] = Field("boolean", "Picked");
        }
        else
        {
            moveFields["quantity_done"] = Field("float", "Quantity Done");
        }
        moveFields["raw_material_production_id"] = Field("many2one", "Production Order for components", relation: "mrp.production");
        moveFields["production_id"] = Field("many2one", "Production Order for finished products", relation: "mrp.production");
        var move = new OdooModelSchema("stock.move", "Stock Move", "StockMove", "id", moveFields, AllFields(moveFields));
        move.CreateRequired.Add("product_id");

        var backorderLineFields = new JsonObject
        {
            ["mrp_production_backorder_id"] = Field("many2one", "MO Backorder", required: true, relation: "mrp.production.backorder"),
            ["mrp_production_id"] = Field("many2one", "Manufacturing Order", required: true, readOnly: true, relation: "mrp.production"),
            ["to_backorder"] = Field("boolean", "To Backorder"),
        };
        var backorderFields = new JsonObject
        {
            ["mrp_production_ids"] = Field("many2many", "Mrp Production", relation: "mrp.production"),
            ["mrp_production_backorder_line_ids"] = Field("one2many", "Backorder Confirmation Lines", relation: "mrp.production.backorder.line", inverse: "mrp_production_backorder_id"),
            ["show_backorder_lines"] = Field("boolean", "Show backorder lines", readOnly: true),
        };

        var warningLineFields = new JsonObject
        {
            ["mrp_consumption_warning_id"] = Field("many2one", "Parent Wizard", required: true, readOnly: true, relation: "mrp.consumption.warning"),
            ["mrp_production_id"] = Field("many2one", "Manufacturing Order", required: true, readOnly: true, relation: "mrp.production"),
            ["consumption"] = Field("selection", "Consumption", readOnly: true, selection: Consumptions),
            ["product_id"] = Field("many2one", "Product", required: true, readOnly: true, relation: "product.product"),
            ["product_uom_id"] = Field("many2one", "Unit of Measure", readOnly: true, relation: "uom.uom"),
            ["product_consumed_qty_uom"] = Field("float", "Consumed", readOnly: true),
            ["product_expected_qty_uom"] = Field("float", "To Consume", readOnly: true),
        };
        var warningFields = new JsonObject
        {
            ["mrp_production_ids"] = Field("many2many", "Mrp Production", relation: "mrp.production"),
            ["mrp_production_count"] = Field("integer", "Mrp Production Count", readOnly: true),
            ["consumption"] = Field("selection", "Consumption", readOnly: true, selection: Consumptions),
            ["mrp_consumption_warning_line_ids"] = Field("one2many", "Mrp Consumption Warning Line", relation: "mrp.consumption.warning.line", inverse: "mrp_consumption_warning_id"),
        };

        List<OdooModelSchema> schemas =
        [
            move,
            new("mrp.production.backorder", "Wizard to mark as done or create back order", "MrpProductionBackorder", "id", backorderFields, AllFields(backorderFields)),
            new("mrp.production.backorder.line", "Backorder Confirmation Line", "MrpProductionBackorderLine", "id", backorderLineFields, AllFields(backorderLineFields)),
            new("mrp.consumption.warning", "Wizard in case of consumption in warning/strict and more component has been used for a MO (related to the bom)", "MrpConsumptionWarning", "id", warningFields, AllFields(warningFields)),
            new("mrp.consumption.warning.line", "Line of issue consumption", "MrpConsumptionWarningLine", "id", warningLineFields, AllFields(warningLineFields)),
        ];
        if (Version.ImmediateProductionWizard)
        {
            var immediateLineFields = new JsonObject
            {
                ["immediate_production_id"] = Field("many2one", "Immediate Production", required: true, relation: "mrp.immediate.production"),
                ["production_id"] = Field("many2one", "Production", required: true, relation: "mrp.production"),
                ["to_immediate"] = Field("boolean", "To Process"),
            };
            var immediateFields = new JsonObject
            {
                ["mo_ids"] = Field("many2many", "Mo", relation: "mrp.production"),
                ["show_productions"] = Field("boolean", "Show Productions", readOnly: true),
                ["immediate_production_line_ids"] = Field("one2many", "Immediate Production Lines", relation: "mrp.immediate.production.line", inverse: "immediate_production_id"),
            };
            schemas.Add(new("mrp.immediate.production", "Immediate Production", "MrpImmediateProduction", "id", immediateFields, AllFields(immediateFields)));
            schemas.Add(new("mrp.immediate.production.line", "Immediate Production Line", "MrpImmediateProductionLine", "id", immediateLineFields, AllFields(immediateLineFields)));
        }
        foreach (var schema in schemas)
        {
            Schemas[schema.Name] = schema;
        }
    }

    /// <summary>The "Immediate Production?" action 16.0's button_mark_done answers (20-c), or null on versions without it.</summary>
    public JsonObject? ImmediateProductionAction => Recorded["immediate_production_action"] as JsonObject;

    // The seeded orders' moves, as the recorded orders had them: the ids a recorded order's move_raw_ids and
    // move_finished_ids show (08), new ids for the others; their state follows the order's.
    private void FillMoves(OdooRecordStore store)
    {
        var moves = new OdooStockMoves(store, this);
        var orders = store.Records("mrp.production").Where(mo => Boms.ContainsKey(OdooStockMoves.RefId(mo["product_id"]))).ToList();
        foreach (var mo in orders.OrderBy(mo => mo["move_raw_ids"] is JsonArray ? 0 : 1).ThenBy(mo => mo["id"]!.AsLong()))
        {
            IReadOnlyList<long>? recorded = mo["move_raw_ids"] is JsonArray raw && mo["move_finished_ids"] is JsonArray finished
                ? [.. raw.Concat(finished).Select(id => id!.AsLong())]
                : null;
            moves.Seed(mo, recorded);
        }
    }
}
