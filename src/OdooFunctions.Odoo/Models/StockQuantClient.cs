using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>Stock on hand (<c>stock.quant</c>) over the one shared <see cref="OdooClient"/>. Virtual for substitution in tests.</summary>
public class StockQuantClient
{
    public const string Model = "stock.quant";

    private static readonly PerRelease<RecordShape> Shapes = new(_ => new RecordShape(Model,
        [.. new[] { "id", "product_id", "location_id", "quantity", "reserved_quantity", "available_quantity", "lot_id", "package_id" }.Select(RecordField.Same)]));

    private readonly ModelReader<StockQuant> _reader = null!;

    /// <summary>For mocking only.</summary>
    protected StockQuantClient() { }

    public StockQuantClient(OdooClient odoo)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        _reader = new(odoo, Shapes, OdooModelsJsonContext.Default.StockQuant);
    }

    /// <summary>Quants of one location, or without one of every internal (warehouse) location, as Odoo's own stock report counts.</summary>
    public virtual Task<IReadOnlyList<StockQuant>> ListAsync(long? productId, long? locationId, int limit, int offset, CancellationToken cancellationToken = default)
    {
        var domain = locationId is { } location
            ? OdooDomain.Where("location_id", "=", location)
            : OdooDomain.Where("location_id.usage", "=", "internal");
        if (productId is { } product)
        {
            domain = domain.And("product_id", "=", product);
        }

        return _reader.SearchAsync(domain, limit, offset, "id", cancellationToken);
    }
}
