using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Odoo;

/// <summary>What the attributes on <see cref="OdooSettings"/> cannot say: the protocol's names, the lease against the timeout, and a key to log in with.</summary>
internal sealed class OdooSettingsValidator(IConfiguration configuration) : IValidateOptions<OdooSettings>
{
    public ValidateOptionsResult Validate(string? name, OdooSettings options)
    {
        var failures = new List<string>();

        // The key is a secret, so it is not bound: only whether it is there (or a vault to read it from) is checked.
        var apiKey = SecretReference.OdooApiKey().SettingName;
        if (SettingText.Value(configuration[apiKey]) is null && SettingText.Value(configuration[SecretsOptions.KeyVaultUriSetting]) is null)
        {
            failures.Add(InvalidSettingsException.Missing($"{apiKey} (or {SecretsOptions.KeyVaultUriSetting})"));
        }

        if (OdooSettings.ParseProtocol(options.Protocol) is null)
        {
            failures.Add("ODOO_PROTOCOL must be auto, jsonrpc or json2");
        }

        // A lease that can end while its create is still running in Odoo would let a retry make a second order.
        var lease = SettingText.PositiveInt(options.IdempotencyLeaseSeconds) ?? (int)new IdempotencyOptions().Lease.TotalSeconds;
        if (lease <= options.TimeoutSecondsOrDefault)
        {
            failures.Add($"IDEMPOTENCY_LEASE_SECONDS must be longer than the Odoo call timeout (ODOO_TIMEOUT_SECONDS, default {OdooSettings.DefaultTimeoutSeconds})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
