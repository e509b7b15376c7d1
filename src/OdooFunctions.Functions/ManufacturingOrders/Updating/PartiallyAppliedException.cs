using OdooFunctions.Odoo.Models.Json;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Updating;

/// <summary>
/// A change failed after earlier steps had changed Odoo, and not all of them could be undone. Carries the failure
/// itself (which decides the answer's status) and what Odoo now holds differently, so the answer never hides it.
/// </summary>
public sealed class PartiallyAppliedException(long manufacturingOrderId, Exception cause, IReadOnlyList<AppliedChange> applied, bool verified)
    : Exception(cause.Message, cause)
{
    public long ManufacturingOrderId { get; } = manufacturingOrderId;

    public Exception Cause { get; } = cause;

    public IReadOnlyList<AppliedChange> Applied { get; } = applied;

    /// <summary>False when the order could not be read back after the failure: <see cref="Applied"/> lists the steps believed done.</summary>
    public bool Verified { get; } = verified;

    /// <summary>The sentence the answer's message ends with.</summary>
    public string Summary => (Verified ? $"Odoo was left changed on manufacturing order {ManufacturingOrderId}: " : $"Odoo may have been left changed on manufacturing order {ManufacturingOrderId} (it could not be read back): ")
        + string.Join("; ", Applied.Select(change => $"{change.Field} {OdooScalarConverter.ToText(change.Before)} → {OdooScalarConverter.ToText(change.Now)}")) + ".";
}
