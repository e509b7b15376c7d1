using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Stock;

/// <summary>The guide's stock fields on <c>stock.quant</c>: the same on every Odoo release.</summary>
public static class StockShape
{
    public static PerRelease<RecordShape> Instance { get; } = new(_ => new RecordShape("stock.quant",
        [.. new[] { "id", "product_id", "location_id", "quantity", "reserved_quantity", "available_quantity", "lot_id", "package_id" }.Select(GuideField.Same)]));
}
