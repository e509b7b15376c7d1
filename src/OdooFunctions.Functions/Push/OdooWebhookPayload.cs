using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// What the receiver takes from a "Send Webhook Notification" POST: <c>_model</c> must be <c>mrp.production</c> and
/// <c>_id</c> a positive integer; <c>write_date</c> and <c>state</c> are kept as hints when they are text. Every other
/// field the rule sends (id, name, quantities) is ignored: the processor reads the order from Odoo again.
/// </summary>
public sealed record OdooWebhookPayload(
    [property: JsonPropertyName("_model"), Required, AllowedValues(OdooWebhookPayload.Model)] JsonElement ModelName,
    [property: JsonPropertyName("_id"), Required, Range(typeof(long), "1", "9223372036854775807"), Description("The manufacturing order's id.")] JsonElement Id,
    [property: JsonPropertyName("write_date"), Description("When Odoo wrote the change (UTC, with microseconds: 2026-12-01 18:29:16.175821); a hint for the commit check.")] JsonElement WriteDate,
    [property: JsonPropertyName("state"), Description("The state the payload shows; a hint only: the order is read from Odoo again.")] JsonElement State)
{
    public const string Model = "mrp.production";

    /// <summary>The change to queue, or the reason the body is not an MO webhook.</summary>
    public MoChangeMessage ToChange()
    {
        if (ModelName.ValueKind != JsonValueKind.String || ModelName.GetString() != Model)
        {
            throw new InvalidWebhookPayloadException($"'_model' must be \"{Model}\".");
        }

        if (Id.ValueKind != JsonValueKind.Number || !Id.TryGetInt64(out var id) || id <= 0)
        {
            throw new InvalidWebhookPayloadException("'_id' must be a positive integer.");
        }

        var writeDate = Text(WriteDate);
        if (writeDate is not null && OdooTimestamp.Parse(writeDate) is null)
        {
            throw new InvalidWebhookPayloadException("'write_date' must be an Odoo datetime such as \"2026-12-01 18:29:16.175821\".");
        }

        return new MoChangeMessage(id, writeDate, Text(State));
    }

    // Odoo sends false for an empty field.
    private static string? Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= 64 } text ? text : null;
}

/// <summary>The webhook body is not an <c>mrp.production</c> record with an integer id (400).</summary>
public sealed class InvalidWebhookPayloadException(string message) : Exception(message);
