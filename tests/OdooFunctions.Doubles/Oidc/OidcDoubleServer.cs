using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.Doubles.Oidc;

/// <summary>
/// An OpenID Connect authority on loopback: discovery document and JWKS (RS256), as an identity provider publishes
/// them, and a way to issue tokens signed with its key.
/// </summary>
public sealed class OidcDoubleServer : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;

    private OidcDoubleServer(WebApplication web)
    {
        _web = web;
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
    }

    public Uri Authority { get; private set; } = null!;

    public string Issuer => Authority.ToString().TrimEnd('/');

    /// <summary>How many times the discovery document was fetched (the app should cache it).</summary>
    public int DiscoveryRequests { get; private set; }

    public static async Task<OidcDoubleServer> StartAsync()
    {
        var server = new OidcDoubleServer(LoopbackWebApp.CreateBuilder().Build());
        server._web.MapGet("/.well-known/openid-configuration", (HttpContext _) =>
        {
            server.DiscoveryRequests++;
            return Results.Json(new JsonObject
            {
                ["issuer"] = server.Issuer,
                ["jwks_uri"] = server.Issuer + "/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        });
        server._web.MapGet("/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(server._rsa.ExportParameters(false)) { KeyId = server._key.KeyId });
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E, ["alg"] = "RS256" }),
            });
        });
        server.Authority = await LoopbackWebApp.StartAsync(server._web);
        return server;
    }

    /// <summary>A token this authority signed (RS256), with <c>sub</c> and <c>roles</c>.</summary>
    public string Issue(string subject, IEnumerable<string> roles, string? audience = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(role => new Claim("roles", role))]),
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    public async ValueTask DisposeAsync()
    {
        await _web.DisposeAsync();
        _rsa.Dispose();
    }
}
