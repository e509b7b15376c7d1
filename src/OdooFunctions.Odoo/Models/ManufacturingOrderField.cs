namespace OdooFunctions.Odoo.Models;

/// <summary>The fields of a <see cref="ManufacturingOrder"/> a caller writes, named once; each release maps them to its own field names.</summary>
public enum ManufacturingOrderField
{
    ProductId,
    ProductQty,
    DatePlannedStart,
    DateDeadline,
    Priority,
    Origin,
}
