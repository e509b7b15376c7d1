namespace OdooFunctions.Functions.Products;

/// <summary>Odoo has no product with this id.</summary>
public sealed class ProductNotFoundException(long id) : Exception($"Product {id} was not found in Odoo.");
