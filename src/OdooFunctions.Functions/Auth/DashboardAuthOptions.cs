using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// How dashboard callers are recognised and what they may do, under the guide's names. The shared secret is not here:
/// it is a secret (AUTH_JWT_SECRET or Key Vault), read through the secrets part.
/// </summary>
public sealed class DashboardAuthOptions
{
    [ConfigurationKeyName("AUTH_JWT_ISSUER")]
    public string? Issuer { get; set; }

    /// <summary>
    /// Accepted audiences, any one will do (comma-separated: e.g. Entra ID's App ID URI for v1 tokens and client id for
    /// v2); none: not checked, unless with an authority, where one is required.
    /// </summary>
    [ConfigurationKeyName("AUTH_JWT_AUDIENCE")]
    public string[] Audiences { get; set; } = [];

    /// <summary>OpenID Connect authority; when set, signing keys come from its metadata instead of a shared secret.</summary>
    [ConfigurationKeyName("AUTH_JWT_AUTHORITY"), UrlSetting("https://login.microsoftonline.com/<tenant>/v2.0", AllowHttpOnLoopback = true)]
    public Uri? Authority { get; set; }

    /// <summary>
    /// With an authority: the shortest time between two fetches of its metadata and keys. A token whose key is unknown
    /// fetches them again, no sooner than this after the last fetch, so forged key ids cannot make the app hammer the provider.
    /// </summary>
    [ConfigurationKeyName("AUTH_JWT_REFRESH_SECONDS"), WholeNumberSetting(Maximum = 86400)]
    public int KeyRefreshSeconds { get; set; } = 30;

    public TimeSpan KeyRefreshInterval => TimeSpan.FromSeconds(KeyRefreshSeconds);

    /// <summary>Roles that may read, comma-separated, any case; none given: <see cref="DefaultRoles"/>.</summary>
    [ConfigurationKeyName("AUTH_READ_ROLES")]
    public string[] ReadRoles { get; set; } = [];

    /// <summary>Roles that may write, comma-separated, any case; none given: <see cref="DefaultRoles"/>.</summary>
    [ConfigurationKeyName("AUTH_WRITE_ROLES")]
    public string[] WriteRoles { get; set; } = [];

    /// <summary>Requests per caller per minute.</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_MINUTE"), WholeNumberSetting]
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>The roles of <see cref="ReadRoles"/> and <see cref="WriteRoles"/> when none are given (the binder adds to a list's default, so it is applied after).</summary>
    internal static string[] DefaultRoles => ["Admin", "Manager"];
}
