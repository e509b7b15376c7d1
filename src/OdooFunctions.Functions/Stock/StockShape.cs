using OdooFunctions.Functions.Odoo;

namespace OdooFunctions.Functions.Stock;

/// <summary>The guide's stock fields on <c>stock.quant</c>.</summary>
public static class StockShape
{
    public static RecordShape Instance { get; } = new("stock.quant",
        [.. new[] { "id", "product_id", "location_id", "quantity", "reserved_quantity", "available_quantity", "lot_id", "package_id" }.Select(GuideField.Same)]);
}
