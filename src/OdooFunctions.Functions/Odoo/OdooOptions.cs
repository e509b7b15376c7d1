using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// The Odoo connection's settings, under the guide's names; the Odoo client's options are made from them by
/// <see cref="OdooAppServiceCollectionExtensions.AddOdooServices"/>. The API key is not here: it is a secret (ODOO_API_KEY
/// or Key Vault), read through the secrets part.
/// </summary>
public sealed class OdooOptions
{
    public const int DefaultTimeoutSeconds = 30;

    [ConfigurationKeyName("ODOO_URL"), RequiredSetting, UrlSetting("https://your-instance.odoo.com", AllowHttp = true)]
    public Uri? Url { get; set; }

    [ConfigurationKeyName("ODOO_DB"), RequiredSetting]
    public string Database { get; set; } = "";

    [ConfigurationKeyName("ODOO_USERNAME"), RequiredSetting]
    public string Username { get; set; } = "";

    [ConfigurationKeyName("ODOO_PROTOCOL")]
    public OdooProtocol Protocol { get; set; } = OdooProtocol.Auto;

    /// <summary>Bound on one attempt of one call; a whole call with its retries gets three times this.</summary>
    [ConfigurationKeyName("ODOO_TIMEOUT_SECONDS"), WholeNumberSetting]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Most Odoo calls in flight per app instance; Odoo sees at most this × instances.</summary>
    [ConfigurationKeyName("ODOO_MAX_CONCURRENT_CALLS"), WholeNumberSetting]
    public int MaxConcurrentCalls { get; set; } = 16;
}
