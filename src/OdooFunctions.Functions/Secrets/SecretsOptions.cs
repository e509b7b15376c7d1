using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Secrets;

/// <summary>Where the app's secrets come from and how long they are kept. Bound and checked at start by <c>AddSecrets</c>.</summary>
public sealed class SecretsOptions
{
    public const string KeyVaultUriSetting = "KEY_VAULT_URI";
    public const string OdooApiKeySecretNameSetting = "ODOO_API_KEY_SECRET_NAME";
    public const string CacheTtlSetting = "SECRET_CACHE_TTL";
    public const string DefaultOdooApiKeySecretName = "odoo-api-key";

    /// <summary>How long a failed read is remembered before the next one (plus up to half again, jitter).</summary>
    public static readonly TimeSpan DefaultFailureTtl = TimeSpan.FromSeconds(10);

    /// <summary>The vault (<c>KEY_VAULT_URI</c>). Null: secrets come from app settings.</summary>
    [ConfigurationKeyName(KeyVaultUriSetting), UrlSetting("https://my-vault.vault.azure.net/")]
    public Uri? VaultUri { get; set; }

    /// <summary>The Key Vault name of the Odoo API key (<c>ODOO_API_KEY_SECRET_NAME</c>).</summary>
    [ConfigurationKeyName(OdooApiKeySecretNameSetting), NamePatternSetting("^[A-Za-z0-9-]{1,127}$", "must be 1 to 127 letters, digits or dashes (got '{0}').")]
    public string OdooApiKeySecretName { get; set; } = DefaultOdooApiKeySecretName;

    /// <summary>How long a secret read from the vault is kept (<c>SECRET_CACHE_TTL</c>, <c>hh:mm:ss</c> or seconds).</summary>
    [ConfigurationKeyName(CacheTtlSetting), DurationSetting]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a failed read (missing, denied, vault down) is remembered, so requests in that window answer 503
    /// without a vault read each. Jittered up to 1.5×.
    /// </summary>
    public TimeSpan FailureTtl { get; set; } = DefaultFailureTtl;

    /// <summary>The credential for the vault. Null: <c>DefaultAzureCredential</c> (managed identity in Azure). Set by tests.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>A last say on the <see cref="SecretClientOptions"/> (transport, retries). Set by tests.</summary>
    public Action<SecretClientOptions>? ConfigureClient { get; set; }

    public override string ToString() =>
        $"{nameof(SecretsOptions)} {{ VaultUri = {VaultUri?.ToString() ?? "(app settings)"}, OdooApiKeySecretName = {OdooApiKeySecretName}, CacheTtl = {CacheTtl} }}";
}
