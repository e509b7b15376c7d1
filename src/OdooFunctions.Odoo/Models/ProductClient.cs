using System.Text.Json.Nodes;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Odoo.Models;

/// <summary>Products (<c>product.product</c>) over the one shared <see cref="OdooClient"/>. Virtual for substitution in tests.</summary>
public class ProductClient
{
    public const string Model = "product.product";

    private static readonly PerRelease<RecordShape> Shapes = new(release => new RecordShape(Model,
    [
        RecordField.Same("id"), RecordField.Same("name"), RecordField.Same("default_code"), RecordField.Same("barcode"),
        RecordField.Same("list_price"), RecordField.Same("standard_price"),
        release.StorableProducts == StorableProductMarker.IsStorableField ? new("type", ["type", "is_storable"], StorableType) : RecordField.Same("type"),
        RecordField.Same("categ_id"), RecordField.Same("uom_id"), RecordField.Same("qty_available"),
        RecordField.Same("virtual_available"), RecordField.Same("description"), RecordField.Same("active"),
    ]));

    private readonly ModelReader<Product> _reader = null!;

    /// <summary>For mocking only.</summary>
    protected ProductClient() { }

    public ProductClient(OdooClient odoo)
    {
        ArgumentNullException.ThrowIfNull(odoo);
        _reader = new(odoo, Shapes, OdooModelsJsonContext.Default.Product);
    }

    public virtual Task<IReadOnlyList<Product>> ListAsync(int limit, int offset, CancellationToken cancellationToken = default) =>
        _reader.SearchAsync(OdooDomain.All, limit, offset, "id", cancellationToken);

    /// <summary>One product, or null when Odoo has none with this id.</summary>
    public virtual async Task<Product?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await _reader.ReadAsync([id], cancellationToken)) is [var product] ? product : null;

    /// <summary>18.0 on marks storable goods with <c>is_storable</c> (type "consu"); the record keeps saying "product", as 16.0 and 17.0 do.</summary>
    private static JsonNode? StorableType(JsonObject record) =>
        record["is_storable"] is JsonValue storable && storable.TryGetValue<bool>(out var isStorable) && isStorable
            ? JsonValue.Create("product")
            : record.TryGetPropertyValue("type", out var type) ? type?.DeepClone() : JsonValue.Create(false);
}
