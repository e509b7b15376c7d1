using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.Doubles.Tokens;

/// <summary>Mints tokens the way the dashboard does: a JWT with <c>sub</c> and <c>role</c> claims, signed HS256 with the shared secret.</summary>
public static class DashboardTokenIssuer
{
    public static string Create(
        string secret, string subject, IEnumerable<string> roles, DateTime expiresUtc,
        string? issuer = null, string? audience = null, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        var now = DateTime.UtcNow;
        // An already-expired token (for tests) must still have nbf/iat before exp to be well formed.
        var issuedAt = expiresUtc < now ? expiresUtc.AddMinutes(-10) : now;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expiresUtc,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), algorithm),
        });
    }
}
