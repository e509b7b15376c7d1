using Azure;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>A claim's record as storage holds it; <see cref="ETag"/> makes every change conditional on it.</summary>
public sealed record CreateRecord(
    CreateClaim Claim, CreateStatus Status, string RequestHash, DateTimeOffset ReservedAt, DateTimeOffset LeaseUntil,
    long? ManufacturingOrderId, ETag ETag)
{
    public bool IsLeased(DateTimeOffset now) => Status == CreateStatus.Reserved && now < LeaseUntil;

    /// <summary>Whole seconds until the lease ends (at least 1), for <c>Retry-After</c>.</summary>
    public int SecondsLeft(DateTimeOffset now) => Math.Max(1, (int)Math.Ceiling((LeaseUntil - now).TotalSeconds));
}
