using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Auth;

namespace OdooFunctions.Functions.Settings;

/// <summary>
/// Checks the settings at start-up, so that a bad configuration stops the host with one clear message
/// (the guide's "Missing required environment variables: ...") instead of failing a request later.
/// </summary>
public static class AppSettingsValidator
{
    /// <summary>The problems with the configuration; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(IConfiguration configuration)
    {
        var settings = AppSettings.From(configuration);
        var missing = new List<string>();
        if (settings.OdooUrl is null) missing.Add("ODOO_URL");
        if (settings.OdooDatabase is null) missing.Add("ODOO_DB");
        if (settings.OdooUsername is null) missing.Add("ODOO_USERNAME");
        if (!settings.HasOdooApiKey && settings.KeyVaultUri is null) missing.Add("ODOO_API_KEY (or KEY_VAULT_URI)");
        if (!settings.HasJwtSecret && settings.JwtAuthority is null && settings.KeyVaultUri is null)
        {
            missing.Add("AUTH_JWT_SECRET (or AUTH_JWT_AUTHORITY, or KEY_VAULT_URI)");
        }

        // An authority signs tokens for every application of its tenant: without an audience, any of them would do.
        if (settings.JwtAuthority is not null && settings.JwtAudience is null)
        {
            missing.Add("AUTH_JWT_AUDIENCE (required with AUTH_JWT_AUTHORITY)");
        }

        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add("Missing required environment variables: " + string.Join(", ", missing));
        }

        if (settings.OdooUrl is not null && !IsHttpUri(settings.OdooUrl))
        {
            problems.Add("ODOO_URL must be an absolute http(s) URL, e.g. https://your-instance.odoo.com");
        }

        if (settings.KeyVaultUri is not null && !(Uri.TryCreate(settings.KeyVaultUri, UriKind.Absolute, out var vault) && vault.Scheme == Uri.UriSchemeHttps))
        {
            problems.Add("KEY_VAULT_URI must be an https URL, e.g. https://my-vault.vault.azure.net/");
        }

        // Its metadata names the keys that sign tokens: fetched in clear text, anyone on the path could swap them.
        if (settings.JwtAuthority is not null
            && !(Uri.TryCreate(settings.JwtAuthority, UriKind.Absolute, out var authority)
                 && (authority.Scheme == Uri.UriSchemeHttps || (authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback))))
        {
            problems.Add("AUTH_JWT_AUTHORITY must be an absolute https URL (http only on loopback), e.g. https://login.microsoftonline.com/<tenant>/v2.0");
        }

        // RFC 7518 §3.2: an HS256 key shorter than the hash (32 bytes) is refused by the token library on every request.
        if (settings.HasJwtSecret && settings.JwtAuthority is null && settings.JwtSecretBytes < SigningKeySizes.MinimumBytes("HS256"))
        {
            problems.Add($"AUTH_JWT_SECRET must be at least {SigningKeySizes.MinimumBytes("HS256")} bytes for HS256 (48 for HS384, 64 for HS512)");
        }

        if (AppSettings.ParseProtocol(configuration["ODOO_PROTOCOL"]) is null)
        {
            problems.Add("ODOO_PROTOCOL must be auto, jsonrpc or json2");
        }

        if (PositiveInt(configuration[AppSettings.MaxResponseMbSetting]) > AppSettings.LargestMaxResponseMb)
        {
            problems.Add($"{AppSettings.MaxResponseMbSetting} must be at most {AppSettings.LargestMaxResponseMb}");
        }

        foreach (var name in new[] { "RATE_LIMIT_PER_MINUTE", "SYNC_BATCH_SIZE", "ODOO_TIMEOUT_SECONDS", "IDEMPOTENCY_LEASE_SECONDS", "ODOO_MAX_CONCURRENT_CALLS", "SYNC_LEASE_SECONDS", AppSettings.MaxResponseMbSetting })
        {
            var value = configuration[name];
            if (!string.IsNullOrWhiteSpace(value) && !(int.TryParse(value, out var number) && number > 0))
            {
                problems.Add($"{name} must be a positive whole number");
            }
        }

        // A lease that can end while its create is still running in Odoo would let a retry make a second order.
        var lease = PositiveInt(configuration["IDEMPOTENCY_LEASE_SECONDS"]) ?? (int)new ManufacturingOrders.IdempotencyOptions().Lease.TotalSeconds;
        if (lease <= (PositiveInt(configuration["ODOO_TIMEOUT_SECONDS"]) ?? DefaultOdooTimeoutSeconds))
        {
            problems.Add($"IDEMPOTENCY_LEASE_SECONDS must be longer than the Odoo call timeout (ODOO_TIMEOUT_SECONDS, default {DefaultOdooTimeoutSeconds})");
        }

        return problems;
    }

    /// <summary>The Odoo client's per-call timeout when ODOO_TIMEOUT_SECONDS is not set.</summary>
    public const int DefaultOdooTimeoutSeconds = 30;

    private static int? PositiveInt(string? value) => int.TryParse(value, out var number) && number > 0 ? number : null;

    /// <summary>True when Odoo would be reached without TLS on a non-loopback host (the guide's warning).</summary>
    public static bool IsInsecureOdooUrl(string? odooUrl) => IsInsecureUrl(odooUrl);

    /// <summary>True when <paramref name="url"/> is plain http on a non-loopback host: a credential sent there crosses the network in clear text.</summary>
    public static bool IsInsecureUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback;

    private static bool IsHttpUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
