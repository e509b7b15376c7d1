using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The app settings of dashboard callers' tokens, roles and rate limit, under the guide's names. Bound and checked at
/// start by <see cref="AuthServiceCollectionExtensions.AddDashboardAuth"/>; <see cref="DashboardAuthOptions"/> is made
/// from them. Kept as text (see <see cref="SettingText"/>). The shared secret is not here: it is a secret
/// (AUTH_JWT_SECRET or Key Vault), read through the secrets part.
/// </summary>
public sealed class DashboardAuthSettings
{
    public const int DefaultRequestsPerMinute = 120;

    /// <summary>Default of <see cref="KeyRefreshSeconds"/>.</summary>
    public const int DefaultKeyRefreshSeconds = 30;

    [ConfigurationKeyName("AUTH_JWT_ISSUER")]
    public string? Issuer { get; set; }

    /// <summary>Accepted audiences, comma-separated: e.g. Entra ID's App ID URI (v1 tokens) and client id (v2 tokens).</summary>
    [ConfigurationKeyName("AUTH_JWT_AUDIENCE")]
    public string? Audience { get; set; }

    /// <summary>OpenID Connect authority; when set, signing keys come from its metadata instead of a shared secret.</summary>
    [ConfigurationKeyName("AUTH_JWT_AUTHORITY"), UrlSetting("https://login.microsoftonline.com/<tenant>/v2.0", AllowHttpOnLoopback = true)]
    public string? Authority { get; set; }

    /// <summary>
    /// With an authority: the shortest time between two fetches of its metadata and keys (default 30 s). A token whose
    /// key is unknown fetches them again, no sooner than this after the last fetch, so forged key ids cannot make the
    /// app hammer the provider.
    /// </summary>
    [ConfigurationKeyName("AUTH_JWT_REFRESH_SECONDS"), WholeNumberSetting(Maximum = 86400)]
    public string? KeyRefreshSeconds { get; set; }

    /// <summary>Roles that may read, comma-separated, any case (default Admin, Manager).</summary>
    [ConfigurationKeyName("AUTH_READ_ROLES")]
    public string? ReadRoles { get; set; }

    /// <summary>Roles that may write, comma-separated, any case (default Admin, Manager).</summary>
    [ConfigurationKeyName("AUTH_WRITE_ROLES")]
    public string? WriteRoles { get; set; }

    /// <summary>Requests per caller per minute (default 120).</summary>
    [ConfigurationKeyName("RATE_LIMIT_PER_MINUTE"), WholeNumberSetting]
    public string? RateLimitPerMinute { get; set; }

    public DashboardAuthOptions ToOptions() => new()
    {
        Issuer = SettingText.Value(Issuer),
        Audiences = SettingText.List(Audience),
        Authority = SettingText.Value(Authority) is { } authority ? new Uri(authority) : null,
        KeyRefreshInterval = TimeSpan.FromSeconds(SettingText.PositiveInt(KeyRefreshSeconds) ?? DefaultKeyRefreshSeconds),
        ReadRoles = Roles(ReadRoles),
        WriteRoles = Roles(WriteRoles),
        RequestsPerMinute = SettingText.PositiveInt(RateLimitPerMinute) ?? DefaultRequestsPerMinute,
    };

    private static HashSet<string> Roles(string? list) => SettingText.Value(list) is null
        ? DashboardAuthOptions.DefaultRoles()
        : new(SettingText.List(list), StringComparer.OrdinalIgnoreCase);
}
