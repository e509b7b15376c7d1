namespace OdooFunctions.Doubles.Odoo;

/// <summary>How a webhook POST ended, as Odoo's <c>requests.post(..., timeout=1)</c> saw it.</summary>
public enum OdooWebhookOutcome
{
    /// <summary>The receiver answered with a status below 400.</summary>
    Delivered,

    /// <summary>The receiver answered 400 or more: Odoo logs "Webhook call failed: 500 Server Error: ..." and moves on.</summary>
    ErrorStatus,

    /// <summary>No answer within 1 s: Odoo logs "Webhook call timed out after 1s ..." (the receiver may still act on it).</summary>
    TimedOut,

    /// <summary>Nothing listened at the URL (connection refused): nothing arrived.</summary>
    ConnectionRefused,

    /// <summary>Any other failure (bad URL, unknown host, connection closed without an answer).</summary>
    Failed,
}

/// <summary>
/// One webhook POST the double sent (or tried to): what went on the wire, when, and how it ended. Odoo never retries,
/// so every fired rule is exactly one delivery.
/// </summary>
public sealed record OdooWebhookDelivery
{
    /// <summary>The action's webhook_url as configured (query string included).</summary>
    public required string Url { get; init; }

    /// <summary>The request line, e.g. <c>POST /api/odoo/webhooks/mrp-production?code=abc HTTP/1.1</c>.</summary>
    public required string RequestLine { get; init; }

    /// <summary>The headers in the order they were sent (Host, User-Agent, Accept-Encoding, Accept, Connection, Content-Type, Content-Length).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body exactly as sent: <c>json.dumps(sort_keys=True)</c> of _action, _id, _model and the webhook fields.</summary>
    public required string Body { get; init; }

    /// <summary>The RPC that fired the rule, as "model.method" (e.g. "mrp.production.action_confirm").</summary>
    public required string CausedBy { get; init; }

    public required string Model { get; init; }

    public required long RecordId { get; init; }

    /// <summary>The base.automation rule and the ir.actions.server action that fired.</summary>
    public required long RuleId { get; init; }

    public required long ActionId { get; init; }

    /// <summary>When the rule fired and the payload was read (inside the RPC's transaction).</summary>
    public required DateTimeOffset FiredAt { get; init; }

    /// <summary>When the double started connecting to the receiver.</summary>
    public required DateTimeOffset SentAt { get; init; }

    /// <summary>From <see cref="SentAt"/> to the end of the answer or the failure (about 1 s when timed out).</summary>
    public required TimeSpan Duration { get; init; }

    public required OdooWebhookOutcome Outcome { get; init; }

    /// <summary>The receiver's status code, when it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>What Odoo logged as WARNING for this call (null when it was delivered).</summary>
    public string? Warning { get; init; }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>A fired rule's POST, waiting in its transaction to be sent (17.0 and 18.0 before the commit, 19.0 after it).</summary>
internal sealed record OdooWebhookCall(string Url, string Body, string CausedBy, string Model, long RecordId, long RuleId, long ActionId, DateTimeOffset FiredAt);

/// <summary>A rule installed with <see cref="OdooDoubleServer.AddWebhookRule"/>: the base.automation id and its webhook action's ir.actions.server id.</summary>
public sealed record OdooWebhookRule(long RuleId, long ActionId);
