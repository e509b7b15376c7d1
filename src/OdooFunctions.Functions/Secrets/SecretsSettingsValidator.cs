using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Secrets;

/// <summary>What the attributes on <see cref="SecretsSettings"/> cannot say: a Key Vault secret name, and a time to live.</summary>
internal sealed class SecretsSettingsValidator : IValidateOptions<SecretsSettings>
{
    public ValidateOptionsResult Validate(string? name, SecretsSettings options)
    {
        var failures = new List<string>();
        if (SettingText.Value(options.OdooApiKeySecretName) is { } secretName && !SecretsSettings.IsKeyVaultSecretName(secretName))
        {
            failures.Add($"{SecretsOptions.OdooApiKeySecretNameSetting} must be 1 to 127 letters, digits or dashes (got '{secretName}').");
        }

        if (SettingText.Value(options.CacheTtl) is { } ttl && SecretsSettings.ParseTtl(ttl) is null)
        {
            failures.Add($"{SecretsOptions.CacheTtlSetting} must be a positive duration, 'hh:mm:ss' or whole seconds (got '{ttl}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
