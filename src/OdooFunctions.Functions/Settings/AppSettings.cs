using Microsoft.Extensions.Configuration;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// The app's settings, read from app settings / environment variables under the names the integration
/// guide uses. Secrets (ODOO_API_KEY, AUTH_JWT_SECRET, DASHBOARD_API_TOKEN) are not kept here: they are read
/// through the secrets part (Key Vault or settings) when needed.
/// </summary>
public sealed class AppSettings
{
    public string? OdooUrl { get; set; }
    public string? OdooDatabase { get; set; }
    public string? OdooUsername { get; set; }
    public OdooProtocol OdooProtocol { get; set; } = OdooProtocol.Auto;
    public bool HasOdooApiKey { get; set; }
    public string? KeyVaultUri { get; set; }
    public bool HasJwtSecret { get; set; }
    public string? JwtAuthority { get; set; }
    public string? JwtIssuer { get; set; }
    public string? JwtAudience { get; set; }

    /// <summary>Bytes of <c>AUTH_JWT_SECRET</c> (UTF-8), 0 when unset; the value itself is never kept here.</summary>
    public int JwtSecretBytes { get; set; }

    public string? DashboardApiUrl { get; set; }

    /// <summary>Reads the settings; a value that cannot be parsed is reported by <see cref="AppSettingsValidator"/>.</summary>
    public static AppSettings From(IConfiguration configuration)
    {
        var protocol = configuration["ODOO_PROTOCOL"];
        return new AppSettings
        {
            OdooUrl = NullIfBlank(configuration["ODOO_URL"]),
            OdooDatabase = NullIfBlank(configuration["ODOO_DB"]),
            OdooUsername = NullIfBlank(configuration["ODOO_USERNAME"]),
            OdooProtocol = ParseProtocol(protocol) ?? OdooProtocol.Auto,
            HasOdooApiKey = !string.IsNullOrWhiteSpace(configuration["ODOO_API_KEY"]),
            KeyVaultUri = NullIfBlank(configuration["KEY_VAULT_URI"]),
            HasJwtSecret = !string.IsNullOrWhiteSpace(configuration["AUTH_JWT_SECRET"]),
            JwtAuthority = NullIfBlank(configuration["AUTH_JWT_AUTHORITY"]),
            JwtIssuer = NullIfBlank(configuration["AUTH_JWT_ISSUER"]),
            JwtAudience = NullIfBlank(configuration["AUTH_JWT_AUDIENCE"]),
            JwtSecretBytes = string.IsNullOrEmpty(configuration["AUTH_JWT_SECRET"]) ? 0 : System.Text.Encoding.UTF8.GetByteCount(configuration["AUTH_JWT_SECRET"]!),
            DashboardApiUrl = NullIfBlank(configuration["DASHBOARD_API_URL"]),
        };
    }

    /// <summary>The setting that caps one answer's body from Odoo or the dashboard, in MB.</summary>
    public const string MaxResponseMbSetting = "MAX_RESPONSE_MB";

    public const int DefaultMaxResponseMb = 32;

    /// <summary>Largest cap HttpClient can buffer (2 GB − 1 byte).</summary>
    public const int LargestMaxResponseMb = 2047;

    /// <summary><c>MAX_RESPONSE_MB</c> in bytes (default 32 MB); a bad value is reported by <see cref="AppSettingsValidator"/>.</summary>
    public static long MaxResponseBytes(IConfiguration configuration) =>
        (int.TryParse(configuration[MaxResponseMbSetting], out var mb) && mb is > 0 and <= LargestMaxResponseMb ? mb : DefaultMaxResponseMb) * 1024L * 1024L;

    public static OdooProtocol? ParseProtocol(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => OdooProtocol.Auto,
        "jsonrpc" or "json-rpc" => OdooProtocol.JsonRpc,
        "json2" or "json-2" => OdooProtocol.Json2,
        _ => null,
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
