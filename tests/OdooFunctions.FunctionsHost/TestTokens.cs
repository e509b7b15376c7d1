using System.Text;
using OdooFunctions.Doubles.Tokens;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.FunctionsHost;

/// <summary>Mints dashboard JWTs the way the dashboard does (HS256, shared secret), plus the bad ones an attacker would try.</summary>
public static class TestTokens
{
    public const string Secret = "test-only-dashboard-jwt-secret-0123456789abcdef";
    public const string Issuer = "https://dashboard.test";
    public const string Audience = "odoo-functions";

    public static string Create(
        string subject = "user-1", string[]? roles = null, string secret = Secret, string issuer = Issuer, string audience = Audience,
        DateTime? expires = null) =>
        DashboardTokenIssuer.Create(secret, subject, roles ?? ["Admin"], expires ?? DateTime.UtcNow.AddMinutes(30), issuer, audience);

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string WithAlgNone(string subject = "user-1", string role = "Admin")
    {
        static string B64(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
            B64($"{{\"sub\":\"{subject}\",\"role\":\"{role}\",\"iss\":\"{Issuer}\",\"aud\":\"{Audience}\",\"exp\":{exp}}}") + ".";
    }

    /// <summary>A valid token whose payload was changed after signing (role raised).</summary>
    public static string Tampered()
    {
        var parts = Create(roles: ["Viewer"]).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("Viewer", "Admin", StringComparison.Ordinal);
        return parts[0] + "." + Base64UrlEncoder.Encode(payload) + "." + parts[2];
    }
}
