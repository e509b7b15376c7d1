using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Odoo;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Odoo;

public static class OdooAppServiceCollectionExtensions
{
    /// <summary>
    /// The one shared Odoo client and its typed clients, with their settings (<see cref="OdooOptions"/>, and
    /// <c>MAX_RESPONSE_MB</c>) bound and checked at start, and the guide's warning for a plain-http Odoo.
    /// </summary>
    public static IServiceCollection AddOdooServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<OdooOptions, OdooOptionsValidator>(configuration)
            // The key is a secret, so it is not bound: only whether it is there (or a vault to read it from) is checked.
            .Validate(_ => SettingValues.IsSet(configuration, SecretReference.OdooApiKey().SettingName) || SettingValues.IsSet(configuration, SecretsOptions.KeyVaultUriSetting),
                InvalidSettingsException.Missing($"{SecretReference.OdooApiKey().SettingName} (or {SecretsOptions.KeyVaultUriSetting})"));
        services.AddResponseLimit(configuration);
        services.AddInsecureUrlWarning<OdooOptions>(static odoo => odoo.Url, "ODOO_URL", "API key");

        services.AddOdooClient(static _ => { });
        services.AddOptions<OdooClientOptions>().Configure<IOptions<OdooOptions>, IOptions<ResponseLimitOptions>>(
            static (client, odoo, limit) => ConfigureClient(client, odoo.Value, limit.Value));
        AddOdooErrors(services);
        return services;
    }

    private static void ConfigureClient(OdooClientOptions client, OdooOptions odoo, ResponseLimitOptions limit)
    {
        client.Url = odoo.Url;
        client.Database = odoo.Database;
        client.Username = odoo.Username;
        client.Protocol = odoo.Protocol;
        client.AttemptTimeout = TimeSpan.FromSeconds(odoo.TimeoutSeconds);
        client.TotalTimeout = client.AttemptTimeout * 3;
        // A call waits for a place under the bound as long as Odoo may take to answer it, then is refused (503).
        client.MaxQueueWait = client.AttemptTimeout;
        client.MaxConcurrentCalls = odoo.MaxConcurrentCalls;
        client.MaxResponseBytes = limit.MaxResponseBytes;
    }

    /// <summary>
    /// Odoo's own refusals keep Odoo's message (it is meant for users); outside failures get a fixed message that tells
    /// the operator where to look, never a traceback or a key.
    /// </summary>
    private static void AddOdooErrors(IServiceCollection services)
    {
        services.AddErrorAnswer<OdooAuthenticationException>(502, ApiErrorCodes.OdooAuthFailed,
            _ => "Odoo rejected the integration's credentials. Check the Odoo API key (ODOO_API_KEY or the Key Vault secret) and ODOO_USERNAME/ODOO_DB.");
        services.AddErrorAnswer<OdooAccessException>(403, ApiErrorCodes.OdooAccessDenied, ex => OdooMessage(ex, "The Odoo API user is not allowed to do this."));
        services.AddErrorAnswer<OdooMissingRecordException>(404, ApiErrorCodes.NotFound, ex => OdooMessage(ex, "The record does not exist in Odoo."));
        services.AddErrorAnswer<OdooConflictException>(409, ApiErrorCodes.Conflict, ex => OdooMessage(ex, "The record is locked or was changed concurrently in Odoo; try again."));
        services.AddErrorAnswer<OdooValidationException>(422, ApiErrorCodes.OdooValidationError, ex => OdooMessage(ex, "Odoo refused the data."));
        services.AddErrorAnswer<OdooOverloadedException>(503, ApiErrorCodes.OdooBusy,
            _ => "Too many calls to Odoo are in progress right now; the request was not sent to Odoo. Retry in a moment.",
            (_, answer) => answer.WithRetryAfter(TimeSpan.FromSeconds(2)));
        services.AddErrorAnswer<OdooUnavailableException>(503, ApiErrorCodes.OdooUnavailable, _ => "No response from Odoo server. Check ODOO_URL and that Odoo is up.");
        services.AddErrorAnswer<OdooTimeoutException>(504, ApiErrorCodes.OdooTimeout, _ => "Odoo did not answer in time.");
        services.AddErrorAnswer<OdooResponseTooLargeException>(502, ApiErrorCodes.OdooResponseTooLarge,
            _ => "Odoo's answer is larger than the app accepts (MAX_RESPONSE_MB), so it was not read. Ask for fewer records (limit).");
        services.AddErrorAnswer<OdooUnexpectedResponseException>(502, ApiErrorCodes.OdooBadResponse, _ => "Odoo answered with something that is not its API (check ODOO_URL and ODOO_DB).");
        services.AddErrorAnswer<OdooException>(502, ApiErrorCodes.OdooError, ex => OdooMessage(ex, "Odoo failed to process the request."));
    }

    /// <summary>Odoo's user-facing message (never its traceback), else a generic one.</summary>
    private static string OdooMessage(OdooException exception, string fallback) =>
        exception.Error?.Message is { Length: > 0 } message ? message : fallback;
}
