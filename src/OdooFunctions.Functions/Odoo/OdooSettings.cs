using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// The app settings of the Odoo connection, under the guide's names. Bound and checked at start by
/// <see cref="OdooAppServiceCollectionExtensions.AddOdooServices"/>; the Odoo client's and the idempotent create's options
/// are made from them. Kept as text (see <see cref="SettingText"/>). The API key is not here: it is a secret
/// (ODOO_API_KEY or Key Vault), read through the secrets part.
/// </summary>
public sealed class OdooSettings
{
    public const int DefaultTimeoutSeconds = 30;

    [ConfigurationKeyName("ODOO_URL"), RequiredSetting, UrlSetting("https://your-instance.odoo.com", AllowHttp = true)]
    public string? Url { get; set; }

    [ConfigurationKeyName("ODOO_DB"), RequiredSetting]
    public string? Database { get; set; }

    [ConfigurationKeyName("ODOO_USERNAME"), RequiredSetting]
    public string? Username { get; set; }

    /// <summary><c>auto</c> (the default), <c>jsonrpc</c> or <c>json2</c>.</summary>
    [ConfigurationKeyName("ODOO_PROTOCOL")]
    public string? Protocol { get; set; }

    /// <summary>Bound on one attempt of one call (default 30 s); a whole call with its retries gets three times this.</summary>
    [ConfigurationKeyName("ODOO_TIMEOUT_SECONDS"), WholeNumberSetting]
    public string? TimeoutSeconds { get; set; }

    /// <summary>Most Odoo calls in flight per app instance (default 16); Odoo sees at most this × instances.</summary>
    [ConfigurationKeyName("ODOO_MAX_CONCURRENT_CALLS"), WholeNumberSetting]
    public string? MaxConcurrentCalls { get; set; }

    /// <summary>Bound on one answer's body, in MB (default 32); the dashboard's answers share it.</summary>
    [ConfigurationKeyName(MaxResponseSize.Setting), WholeNumberSetting(Maximum = MaxResponseSize.LargestMb)]
    public string? MaxResponseMb { get; set; }

    /// <summary>How long a create's reservation lasts (default 60 s); longer than the Odoo call timeout.</summary>
    [ConfigurationKeyName(IdempotencyOptions.LeaseSetting), WholeNumberSetting]
    public string? IdempotencyLeaseSeconds { get; set; }

    /// <summary>The per-attempt timeout these settings give the Odoo client.</summary>
    public int TimeoutSecondsOrDefault => SettingText.PositiveInt(TimeoutSeconds) ?? DefaultTimeoutSeconds;

    public void ApplyTo(OdooClientOptions options)
    {
        options.Url = Uri.TryCreate(SettingText.Value(Url), UriKind.Absolute, out var url) ? url : null;
        options.Database = SettingText.Value(Database) ?? "";
        options.Username = SettingText.Value(Username) ?? "";
        options.Protocol = ParseProtocol(Protocol) ?? OdooProtocol.Auto;
        options.MaxResponseBytes = MaxResponseSize.Bytes(MaxResponseMb);
        if (SettingText.PositiveInt(TimeoutSeconds) is { } seconds)
        {
            options.AttemptTimeout = TimeSpan.FromSeconds(seconds);
            options.TotalTimeout = TimeSpan.FromSeconds(seconds * 3);
        }

        // A call waits for a place under the bound as long as Odoo may take to answer it, then is refused (503).
        options.MaxQueueWait = options.AttemptTimeout;
        if (SettingText.PositiveInt(MaxConcurrentCalls) is { } calls)
        {
            options.MaxConcurrentCalls = calls;
        }
    }

    public void ApplyTo(IdempotencyOptions options)
    {
        if (SettingText.PositiveInt(IdempotencyLeaseSeconds) is { } seconds)
        {
            options.Lease = TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>The protocol <paramref name="value"/> names (blank: auto); null when it names none.</summary>
    public static OdooProtocol? ParseProtocol(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => OdooProtocol.Auto,
        "jsonrpc" or "json-rpc" => OdooProtocol.JsonRpc,
        "json2" or "json-2" => OdooProtocol.Json2,
        _ => null,
    };
}
