using System.Text.Json.Serialization;

namespace OdooFunctions.Doubles.KeyVault;

// The Key Vault secrets REST API's JSON shapes, as SecretClient sends and reads them.

/// <summary>The answer to a secret GET or PUT (Key Vault calls it a SecretBundle).</summary>
internal sealed record SecretBundle(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("attributes")] SecretAttributes Attributes,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string>? Tags);

/// <summary>Times are Unix seconds, as Key Vault sends them.</summary>
internal sealed record SecretAttributes(
    [property: JsonPropertyName("enabled")] bool Enabled,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("updated")] long Updated,
    [property: JsonPropertyName("recoveryLevel")] string RecoveryLevel,
    [property: JsonPropertyName("recoverableDays")] int RecoverableDays);

/// <summary>The body of <c>PUT /secrets/{name}</c>.</summary>
internal sealed record SecretSetParameters(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("tags")] Dictionary<string, string>? Tags);

internal sealed record KeyVaultErrorBody([property: JsonPropertyName("error")] KeyVaultError Error);

internal sealed record KeyVaultError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("innererror")] KeyVaultInnerError? InnerError = null);

internal sealed record KeyVaultInnerError([property: JsonPropertyName("code")] string Code);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SecretBundle))]
[JsonSerializable(typeof(SecretSetParameters))]
[JsonSerializable(typeof(KeyVaultErrorBody))]
internal sealed partial class KeyVaultJsonContext : JsonSerializerContext;
