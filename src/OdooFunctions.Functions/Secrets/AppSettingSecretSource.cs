using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Secrets;

/// <summary>Reads secrets from app settings (<c>ODOO_API_KEY</c>, ...) when no vault is configured: local runs.</summary>
public sealed class AppSettingSecretSource(IConfiguration configuration) : ISecretSource
{
    public string Description => "app settings";

    public ValueTask<string> GetSecretAsync(SecretReference secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var value = configuration[secret.SettingName];
        return string.IsNullOrEmpty(value)
            ? throw new SecretUnavailableException(
                secret.SecretName,
                $"app setting '{secret.SettingName}'",
                SecretUnavailableReason.NotConfigured,
                $"set {secret.SettingName}, or set {SecretsOptions.KeyVaultUriSetting} to read '{secret.SecretName}' from Key Vault.")
            : ValueTask.FromResult(value);
    }
}
