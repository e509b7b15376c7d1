namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>How create requests are made idempotent (settings <c>IDEMPOTENCY_LEASE_SECONDS</c>, table <c>idempotencykeys</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string LeaseSetting = "IDEMPOTENCY_LEASE_SECONDS";

    /// <summary>
    /// How long a reservation belongs to the request that made it. Longer than one Odoo create can take (the Odoo call
    /// timeout), so that when it runs out the first request has surely finished and Odoo holds everything it made.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far Odoo's clock may be behind ours when reconciliation looks for orders made after a reservation.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    public string TableName { get; set; } = "idempotencykeys";
}
