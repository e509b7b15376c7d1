using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>How create requests are made idempotent (setting <c>IDEMPOTENCY_LEASE_SECONDS</c>, table <c>idempotencykeys</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>
    /// How long a reservation belongs to the request that made it. Longer than one Odoo create can take (the Odoo call
    /// timeout), so that when it runs out the first request has surely finished and Odoo holds everything it made.
    /// </summary>
    [ConfigurationKeyName("IDEMPOTENCY_LEASE_SECONDS"), WholeNumberSetting]
    public int LeaseSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    /// <summary>How far Odoo's clock may be behind ours when reconciliation looks for orders made after a reservation.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(5);

    public string TableName { get; set; } = "idempotencykeys";
}
