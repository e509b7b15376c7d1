using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Functions.Products;

/// <summary>The guide's product fields on <c>product.product</c>, per Odoo release.</summary>
public static class ProductShape
{
    public static PerRelease<RecordShape> Instance { get; } = new(release => new RecordShape("product.product",
    [
        GuideField.Same("id"), GuideField.Same("name"), GuideField.Same("default_code"), GuideField.Same("barcode"),
        GuideField.Same("list_price"), GuideField.Same("standard_price"),
        release.StorableProducts == StorableProductMarker.IsStorableField ? new("type", ["type", "is_storable"], ReadType) : GuideField.Same("type"),
        GuideField.Same("categ_id"), GuideField.Same("uom_id"), GuideField.Same("qty_available"),
        GuideField.Same("virtual_available"), GuideField.Same("description"), GuideField.Same("active"),
    ]));

    /// <summary>
    /// Odoo 18+ marks storable goods with <c>is_storable</c> (type "consu"); older servers say type "product".
    /// The dashboard keeps reading "product" for storable products.
    /// </summary>
    private static JsonNode? ReadType(JsonObject record)
    {
        if (record["is_storable"] is JsonValue storable && storable.TryGetValue<bool>(out var isStorable) && isStorable)
        {
            return JsonValue.Create("product");
        }

        return record.TryGetPropertyValue("type", out var type) ? type?.DeepClone() : JsonValue.Create(false);
    }
}
