using OdooFunctions.Functions.Odoo;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>The guide's manufacturing-order fields on <c>mrp.production</c>.</summary>
public static class ManufacturingOrderShape
{
    public const string Model = "mrp.production";

    /// <summary>The guide's <c>date_planned_start</c> is <c>date_start</c> from Odoo 17 on.</summary>
    public static GuideField PlannedStart { get; } = new("date_planned_start", ["date_planned_start", "date_start"]);

    public static RecordShape Instance { get; } = new(Model,
    [
        GuideField.Same("id"), GuideField.Same("name"), GuideField.Same("product_id"), GuideField.Same("product_qty"),
        GuideField.Same("product_uom_id"), GuideField.Same("state"), PlannedStart, GuideField.Same("date_deadline"),
        GuideField.Same("priority"), GuideField.Same("user_id"), GuideField.Same("company_id"), GuideField.Same("origin"),
        GuideField.Same("qty_produced"), GuideField.Same("qty_producing"),
    ]);
}
