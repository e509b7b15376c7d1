using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Auth;

/// <summary>What the attributes on <see cref="DashboardAuthSettings"/> cannot say: how tokens are checked at all, and a secret long enough.</summary>
internal sealed class DashboardAuthSettingsValidator(IConfiguration configuration) : IValidateOptions<DashboardAuthSettings>
{
    public ValidateOptionsResult Validate(string? name, DashboardAuthSettings options)
    {
        var failures = new List<string>();

        // The shared secret is a secret, so it is not bound: only whether it is there and its length are checked.
        var secretSetting = SecretReference.DashboardJwtSecret.SettingName;
        var secret = configuration[secretSetting];
        var hasSecret = !string.IsNullOrWhiteSpace(secret);
        var authority = SettingText.Value(options.Authority);
        if (!hasSecret && authority is null && SettingText.Value(configuration[SecretsOptions.KeyVaultUriSetting]) is null)
        {
            failures.Add(InvalidSettingsException.Missing($"{secretSetting} (or AUTH_JWT_AUTHORITY, or {SecretsOptions.KeyVaultUriSetting})"));
        }

        // An authority signs tokens for every application of its tenant: without an audience, any of them would do.
        if (authority is not null && SettingText.List(options.Audience).Length == 0)
        {
            failures.Add(InvalidSettingsException.Missing("AUTH_JWT_AUDIENCE (required with AUTH_JWT_AUTHORITY)"));
        }

        // RFC 7518 §3.2: an HS256 key shorter than the hash (32 bytes) is refused by the token library on every request.
        if (hasSecret && authority is null && Encoding.UTF8.GetByteCount(secret!) < SigningKeySizes.MinimumBytes("HS256"))
        {
            failures.Add($"{secretSetting} must be at least {SigningKeySizes.MinimumBytes("HS256")} bytes for HS256 (48 for HS384, 64 for HS512)");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
