namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>An Idempotency-Key came back with a different body: it names another request, so nothing is created or answered from it.</summary>
public sealed class IdempotencyKeyReusedException() : Exception(
    "This Idempotency-Key was first used with a different request body. Send the same body to retry, or use a new key for a new order.");
