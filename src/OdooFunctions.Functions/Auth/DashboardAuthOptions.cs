namespace OdooFunctions.Functions.Auth;

/// <summary>How dashboard callers are recognised and what they may do. Made from <see cref="DashboardAuthSettings"/>.</summary>
public sealed class DashboardAuthOptions
{
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    /// <summary>OpenID Connect authority; when set, signing keys come from its metadata instead of a shared secret.</summary>
    public Uri? Authority { get; set; }

    public IReadOnlySet<string> ReadRoles { get; set; } = DefaultRoles();
    public IReadOnlySet<string> WriteRoles { get; set; } = DefaultRoles();

    /// <summary>Requests per caller per minute.</summary>
    public int RequestsPerMinute { get; set; } = DashboardAuthSettings.DefaultRequestsPerMinute;

    internal static HashSet<string> DefaultRoles() => new(["Admin", "Manager"], StringComparer.OrdinalIgnoreCase);
}
