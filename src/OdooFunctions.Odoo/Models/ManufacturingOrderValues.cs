namespace OdooFunctions.Odoo.Models;

/// <summary>Values to create a manufacturing order with, or to write on one: a null field is not written.</summary>
public sealed record ManufacturingOrderValues
{
    /// <summary>Only on create: Odoo does not move an order to another product.</summary>
    public long? ProductId { get; init; }

    public decimal? ProductQty { get; init; }

    /// <summary>UTC, Odoo's <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public string? DatePlannedStart { get; init; }

    /// <summary>UTC, Odoo's <c>YYYY-MM-DD HH:MM:SS</c>.</summary>
    public string? DateDeadline { get; init; }

    public string? Priority { get; init; }

    public string? Origin { get; init; }

    /// <summary>The fields this writes.</summary>
    public IReadOnlyList<ManufacturingOrderField> Fields =>
    [
        .. ProductId is null ? [] : new[] { ManufacturingOrderField.ProductId },
        .. ProductQty is null ? [] : new[] { ManufacturingOrderField.ProductQty },
        .. DatePlannedStart is null ? [] : new[] { ManufacturingOrderField.DatePlannedStart },
        .. DateDeadline is null ? [] : new[] { ManufacturingOrderField.DateDeadline },
        .. Priority is null ? [] : new[] { ManufacturingOrderField.Priority },
        .. Origin is null ? [] : new[] { ManufacturingOrderField.Origin },
    ];
}
