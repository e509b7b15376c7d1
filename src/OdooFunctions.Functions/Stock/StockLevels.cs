using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Stock;

/// <summary>Stock on hand (quants). Without a location, only internal (warehouse) locations count, as Odoo's own stock report does.</summary>
public sealed class StockLevels(ShapedRecords records)
{
    public Task<IReadOnlyList<JsonObject>> ListAsync(long? productId, long? locationId, int limit, int offset, CancellationToken cancellationToken)
    {
        var domain = locationId is { } location
            ? OdooDomain.Where("location_id", "=", location)
            : OdooDomain.Where("location_id.usage", "=", "internal");
        if (productId is { } product)
        {
            domain = domain.And("product_id", "=", product);
        }

        return records.SearchAsync(StockShape.Instance, domain, limit, offset, "id", cancellationToken);
    }
}
