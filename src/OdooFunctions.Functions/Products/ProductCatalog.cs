using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Products;

/// <summary>Products as the dashboard sees them.</summary>
public sealed class ProductCatalog(ShapedRecords records)
{
    public Task<IReadOnlyList<JsonObject>> ListAsync(int limit, int offset, CancellationToken cancellationToken) =>
        records.SearchAsync(ProductShape.Instance, OdooDomain.All, limit, offset, "id", cancellationToken);

    public Task<JsonObject?> GetAsync(long id, CancellationToken cancellationToken) =>
        records.GetAsync(ProductShape.Instance, id, cancellationToken);
}
