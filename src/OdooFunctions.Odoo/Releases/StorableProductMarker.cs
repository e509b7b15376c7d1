namespace OdooFunctions.Odoo.Releases;

/// <summary>How <c>product.product</c> says a product is storable (kept in stock).</summary>
public enum StorableProductMarker
{
    /// <summary><c>type: "product"</c> (and <c>detailed_type</c>): up to 17.0.</summary>
    ProductType,

    /// <summary><c>type: "consu"</c> with <c>is_storable: true</c>: from 18.0.</summary>
    IsStorableField,
}
