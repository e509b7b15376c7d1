using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// Binds <see cref="SecretsOptions"/> from the flat app settings (<c>KEY_VAULT_URI</c>, ...), and refuses
/// values that do not parse, so a bad setting stops the start-up with one clear message.
/// </summary>
internal sealed class SecretsOptionsSetup(IConfiguration configuration) : IConfigureOptions<SecretsOptions>, IValidateOptions<SecretsOptions>
{
    public void Configure(SecretsOptions options)
    {
        if (TryParseVaultUri(configuration[SecretsOptions.KeyVaultUriSetting], out var vaultUri))
        {
            options.VaultUri = vaultUri;
        }

        var secretName = configuration[SecretsOptions.OdooApiKeySecretNameSetting];
        if (!string.IsNullOrWhiteSpace(secretName))
        {
            options.OdooApiKeySecretName = secretName.Trim();
        }

        if (TryParseTtl(configuration[SecretsOptions.CacheTtlSetting], out var ttl))
        {
            options.CacheTtl = ttl;
        }
    }

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        var failures = new List<string>();

        var rawUri = configuration[SecretsOptions.KeyVaultUriSetting];
        if (!string.IsNullOrWhiteSpace(rawUri) && !TryParseVaultUri(rawUri, out _))
        {
            failures.Add($"{SecretsOptions.KeyVaultUriSetting} must be an absolute https URI such as https://my-vault.vault.azure.net/ (got '{rawUri}').");
        }
        else if (options.VaultUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{SecretsOptions.KeyVaultUriSetting} must be an absolute https URI (got '{uri}').");
        }

        if (!IsKeyVaultSecretName(options.OdooApiKeySecretName))
        {
            failures.Add($"{SecretsOptions.OdooApiKeySecretNameSetting} must be 1 to 127 letters, digits or dashes (got '{options.OdooApiKeySecretName}').");
        }

        var rawTtl = configuration[SecretsOptions.CacheTtlSetting];
        if (!string.IsNullOrWhiteSpace(rawTtl) && !TryParseTtl(rawTtl, out _))
        {
            failures.Add($"{SecretsOptions.CacheTtlSetting} must be a positive duration, 'hh:mm:ss' or whole seconds (got '{rawTtl}').");
        }
        else if (options.CacheTtl <= TimeSpan.Zero)
        {
            failures.Add($"{SecretsOptions.CacheTtlSetting} must be positive (got '{options.CacheTtl}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool TryParseVaultUri(string? value, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps)
        {
            uri = parsed;
            return true;
        }

        return false;
    }

    private static bool TryParseTtl(string? value, out TimeSpan ttl)
    {
        ttl = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            ttl = TimeSpan.FromSeconds(seconds);
        }
        else if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out ttl))
        {
            return false;
        }

        return ttl > TimeSpan.Zero;
    }

    private static bool IsKeyVaultSecretName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 127 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
