using Microsoft.Extensions.Configuration;

namespace OdooFunctions.Functions.Auth;

/// <summary>How dashboard callers are recognised and what they may do.</summary>
public sealed class DashboardAuthOptions
{
    public string? Issuer { get; set; }
    public string? Audience { get; set; }

    /// <summary>OpenID Connect authority; when set, signing keys come from its metadata instead of a shared secret.</summary>
    public Uri? Authority { get; set; }

    public IReadOnlySet<string> ReadRoles { get; set; } = DefaultRoles();
    public IReadOnlySet<string> WriteRoles { get; set; } = DefaultRoles();

    /// <summary>Requests per caller per minute.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    public static DashboardAuthOptions From(IConfiguration configuration) => new()
    {
        Issuer = Blank(configuration["AUTH_JWT_ISSUER"]),
        Audience = Blank(configuration["AUTH_JWT_AUDIENCE"]),
        Authority = Blank(configuration["AUTH_JWT_AUTHORITY"]) is { } authority ? new Uri(authority) : null,
        ReadRoles = Roles(configuration["AUTH_READ_ROLES"]),
        WriteRoles = Roles(configuration["AUTH_WRITE_ROLES"]),
        RequestsPerMinute = int.TryParse(configuration["RATE_LIMIT_PER_MINUTE"], out var limit) && limit > 0 ? limit : 120,
    };

    private static HashSet<string> DefaultRoles() => new(["Admin", "Manager"], StringComparer.OrdinalIgnoreCase);

    private static HashSet<string> Roles(string? list) => string.IsNullOrWhiteSpace(list)
        ? DefaultRoles()
        : new(list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
