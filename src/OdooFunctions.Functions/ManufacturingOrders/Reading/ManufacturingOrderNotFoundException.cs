namespace OdooFunctions.Functions.ManufacturingOrders.Reading;

/// <summary>Odoo has no manufacturing order with this id.</summary>
public sealed class ManufacturingOrderNotFoundException(long id) : Exception($"Manufacturing order {id} was not found in Odoo.")
{
    public long Id { get; } = id;
}
