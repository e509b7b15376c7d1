using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// Odoo's answer to a create was lost (timeout, dropped connection, a proxy's page): the order may exist. The claim
/// stays reserved, so a retry after the lease reconciles with Odoo instead of creating a second order.
/// </summary>
public sealed class CreateOutcomeUnknownException(OdooException cause, ClaimKind? claim, int retryAfterSeconds)
    : Exception(MessageFor(claim, retryAfterSeconds), cause)
{
    public OdooException Cause { get; } = cause;

    /// <summary>When the retry can be answered (the lease's end); null without a claim.</summary>
    public int? RetryAfterSeconds { get; } = claim is null ? null : retryAfterSeconds;

    private static string MessageFor(ClaimKind? claim, int seconds) => claim switch
    {
        ClaimKind.IdempotencyKey =>
            $"Odoo's answer to the create was lost, so the order may have been made. Retry with the same Idempotency-Key after {seconds} s: the retry answers that order if Odoo made it, or creates it.",
        ClaimKind.Origin =>
            $"Odoo's answer to the create was lost, so the order may have been made. Retry the same request after {seconds} s: the retry answers that order if Odoo made it, or creates it.",
        _ => "Odoo's answer to the create was lost, so the order may have been made. Look for it in Odoo before retrying: without an Idempotency-Key or origin a retry can make a second order.",
    };
}
