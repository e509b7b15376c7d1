namespace OdooFunctions.Functions.Auth;

/// <summary>How dashboard callers are recognised and what they may do. Made from <see cref="DashboardAuthSettings"/>.</summary>
public sealed class DashboardAuthOptions
{
    public string? Issuer { get; set; }
    /// <summary>Accepted audiences (any one will do); empty: not checked, unless with an authority, where one is required.</summary>
    public IReadOnlyList<string> Audiences { get; set; } = [];

    /// <summary>OpenID Connect authority; when set, signing keys come from its metadata instead of a shared secret.</summary>
    public Uri? Authority { get; set; }

    /// <summary>With an authority: the shortest time between two fetches of its metadata (<c>AUTH_JWT_REFRESH_SECONDS</c>).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(DashboardAuthSettings.DefaultKeyRefreshSeconds);

    public IReadOnlySet<string> ReadRoles { get; set; } = DefaultRoles();
    public IReadOnlySet<string> WriteRoles { get; set; } = DefaultRoles();

    /// <summary>Requests per caller per minute.</summary>
    public int RequestsPerMinute { get; set; } = DashboardAuthSettings.DefaultRequestsPerMinute;

    internal static HashSet<string> DefaultRoles() => new(["Admin", "Manager"], StringComparer.OrdinalIgnoreCase);
}
