namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>Another request holds the claim's lease and is creating the order now; retry after <see cref="RetryAfterSeconds"/>.</summary>
public sealed class CreateInProgressException(ClaimKind kind, int retryAfterSeconds) : Exception(kind == ClaimKind.IdempotencyKey
    ? $"A request with this Idempotency-Key is still being processed; retry in {retryAfterSeconds} s."
    : $"A request for this origin and product is creating the order now; retry in {retryAfterSeconds} s.")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
