using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// What the receiver takes from a "Send Webhook Notification" POST: <c>_model</c> must be <c>mrp.production</c> and
/// <c>_id</c> a positive integer; <c>write_date</c> and <c>state</c> are kept as hints when they are text.
/// </summary>
public static class OdooWebhookPayload
{
    public const string Model = "mrp.production";

    /// <summary>The change to queue, or the reason the body is not an MO webhook.</summary>
    public static MoChangeMessage Read(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body["_model"] is not JsonValue model || !model.TryGetValue<string>(out var name) || name != Model)
        {
            throw new InvalidWebhookPayloadException($"'_model' must be \"{Model}\".");
        }

        if (body["_id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var id) || id <= 0)
        {
            throw new InvalidWebhookPayloadException("'_id' must be a positive integer.");
        }

        var writeDate = Text(body, "write_date");
        if (writeDate is not null && OdooTimestamp.Parse(writeDate) is null)
        {
            throw new InvalidWebhookPayloadException("'write_date' must be an Odoo datetime such as \"2026-12-01 18:29:16.175821\".");
        }

        return new MoChangeMessage(id, writeDate, Text(body, "state"));
    }

    // Odoo sends false for an empty field.
    private static string? Text(JsonObject body, string key) =>
        body[key] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length is > 0 and <= 64 ? text : null;
}

/// <summary>The webhook body is not an <c>mrp.production</c> record with an integer id (400).</summary>
public sealed class InvalidWebhookPayloadException(string message) : Exception(message);
