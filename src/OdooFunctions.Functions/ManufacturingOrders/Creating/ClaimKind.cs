namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>What makes two create requests the same one.</summary>
public enum ClaimKind
{
    /// <summary>The same <c>Idempotency-Key</c>: the caller says it is a retry; the body must be the same too.</summary>
    IdempotencyKey,

    /// <summary>No key, the same <c>origin</c> and product: the same dashboard order, whatever the other fields say.</summary>
    Origin,
}
