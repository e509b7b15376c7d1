using System.Globalization;
using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// The app settings that say where secrets come from, under the guide's names. Bound and checked at start by
/// <see cref="SecretsServiceCollectionExtensions.AddSecrets"/>; <see cref="SecretsOptions"/> is made from them. Kept as
/// text (see <see cref="SettingText"/>).
/// </summary>
public sealed class SecretsSettings
{
    /// <summary>The vault; unset: secrets come from app settings.</summary>
    [ConfigurationKeyName(SecretsOptions.KeyVaultUriSetting), UrlSetting("https://my-vault.vault.azure.net/")]
    public string? KeyVaultUri { get; set; }

    /// <summary>The Key Vault name of the Odoo API key (default <c>odoo-api-key</c>): 1 to 127 letters, digits or dashes.</summary>
    [ConfigurationKeyName(SecretsOptions.OdooApiKeySecretNameSetting)]
    public string? OdooApiKeySecretName { get; set; }

    /// <summary>How long a secret read from the vault is kept: <c>hh:mm:ss</c> or whole seconds (default one hour).</summary>
    [ConfigurationKeyName(SecretsOptions.CacheTtlSetting)]
    public string? CacheTtl { get; set; }

    public void ApplyTo(SecretsOptions options)
    {
        if (Uri.TryCreate(SettingText.Value(KeyVaultUri), UriKind.Absolute, out var vault) && vault.Scheme == Uri.UriSchemeHttps)
        {
            options.VaultUri = vault;
        }

        if (SettingText.Value(OdooApiKeySecretName) is { } secretName)
        {
            options.OdooApiKeySecretName = secretName;
        }

        if (ParseTtl(CacheTtl) is { } ttl)
        {
            options.CacheTtl = ttl;
        }
    }

    /// <summary>The positive duration <paramref name="text"/> holds (whole seconds or <c>hh:mm:ss</c>); null when unset or not one.</summary>
    public static TimeSpan? ParseTtl(string? text)
    {
        if (SettingText.Value(text) is not { } value)
        {
            return null;
        }

        TimeSpan ttl;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            ttl = TimeSpan.FromSeconds(seconds);
        }
        else if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out ttl))
        {
            return null;
        }

        return ttl > TimeSpan.Zero ? ttl : null;
    }

    public static bool IsKeyVaultSecretName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 127 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
