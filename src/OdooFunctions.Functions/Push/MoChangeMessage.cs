using System.Text.Json.Serialization;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// One queued webhook: which MO Odoo says changed, and the payload's <c>write_date</c> and <c>state</c>. The values are
/// only hints for the commit check; what is sent to the dashboard is always read from Odoo again.
/// </summary>
public sealed record MoChangeMessage(
    [property: JsonPropertyName("mo_id")] long MoId,
    [property: JsonPropertyName("write_date")] string? WriteDate,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("attempt")] int Attempt = 0);

[JsonSerializable(typeof(MoChangeMessage))]
[JsonSerializable(typeof(OdooWebhookPayload))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class PushJsonContext : JsonSerializerContext;
