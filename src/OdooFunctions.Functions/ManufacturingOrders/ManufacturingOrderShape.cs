using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>The guide's manufacturing-order fields on <c>mrp.production</c>, per Odoo release.</summary>
public static class ManufacturingOrderShape
{
    public const string Model = "mrp.production";

    public static PerRelease<RecordShape> Instance { get; } = new(release => new RecordShape(Model,
    [
        GuideField.Same("id"), GuideField.Same("name"), GuideField.Same("product_id"), GuideField.Same("product_qty"),
        GuideField.Same("product_uom_id"), GuideField.Same("state"), new("date_planned_start", [release.PlannedStartField]),
        GuideField.Same("date_deadline"), GuideField.Same("priority"), GuideField.Same("user_id"), GuideField.Same("company_id"),
        GuideField.Same("origin"), GuideField.Same("qty_produced"), GuideField.Same("qty_producing"),
    ]));
}
