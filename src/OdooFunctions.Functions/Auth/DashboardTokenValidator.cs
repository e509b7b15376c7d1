using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Validates the dashboard's JWT: signature (HS256 with the shared secret, or the OIDC authority's keys), expiry,
/// and issuer/audience when configured (always with an authority: it signs tokens for every application of its
/// tenant, so the audience is what says a token was meant for this one). Unsigned (<c>alg: none</c>) and tampered tokens fail.
/// </summary>
public sealed class DashboardTokenValidator(
    DashboardAuthOptions options,
    IDashboardSigningSecret signingSecret,
    IConfigurationManager<OpenIdConnectConfiguration>? authorityMetadata = null)
{
    private static readonly string[] SharedSecretAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TokenValidation> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return TokenValidation.Invalid("A bearer token is required (Authorization: Bearer <token>).");
        }

        var token = authorizationHeader[scheme.Length..].Trim();

        // Read without any key first: a token that is not even a JWT costs neither a secret read nor a metadata fetch.
        if (!_handler.CanReadToken(token))
        {
            return TokenValidation.Invalid("The token is malformed.");
        }

        var algorithm = _handler.ReadJsonWebToken(token).Alg;
        var (parameters, secretBytes) = await ParametersAsync(cancellationToken);
        if (secretBytes is { } bytes && SigningKeySizes.MinimumBytes(algorithm) is var needed && needed > bytes)
        {
            return TokenValidation.Invalid(
                "The token's signing algorithm is not accepted.",
                $"The token is signed with {algorithm}, which needs a signing secret of at least {needed} bytes; the configured secret (AUTH_JWT_SECRET or dashboard-jwt-secret) is shorter.");
        }

        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return TokenValidation.Invalid(Describe(result.Exception));
        }

        var subject = result.ClaimsIdentity.FindFirst("sub")?.Value
            ?? result.ClaimsIdentity.FindFirst("oid")?.Value
            ?? result.ClaimsIdentity.FindFirst("id")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return TokenValidation.Invalid("The token has no subject (sub).");
        }

        var roles = result.ClaimsIdentity.Claims
            .Where(claim => claim.Type is "role" or "roles")
            .Select(claim => claim.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TokenValidation.Valid(new DashboardCaller(subject, roles));
    }

    /// <summary>The parameters for this request, and the shared secret's size in bytes (null with an authority).</summary>
    private async Task<(TokenValidationParameters Parameters, int? SecretBytes)> ParametersAsync(CancellationToken cancellationToken)
    {
        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = options.Issuer is not null,
            ValidIssuer = options.Issuer,
            ValidateAudience = options.Audience is not null,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        if (authorityMetadata is not null)
        {
            OpenIdConnectConfiguration metadata;
            try
            {
                metadata = await authorityMetadata.GetConfigurationAsync(cancellationToken);
            }
            catch (InvalidOperationException e) when (!cancellationToken.IsCancellationRequested)
            {
                // IDX20803: the discovery document or its keys could not be fetched (down, DNS, not JSON).
                throw new IdentityProviderUnavailableException(
                    $"The identity provider's metadata ({options.Authority}) could not be read, so no token can be checked.", e);
            }

            parameters.IssuerSigningKeys = metadata.SigningKeys;
            parameters.ValidIssuer ??= metadata.Issuer;
            parameters.ValidateIssuer = true;
            parameters.ValidateAudience = true;
            return (parameters, null);
        }

        var secret = await signingSecret.GetAsync(cancellationToken)
            ?? throw new InvalidOperationException("No JWT signing secret is configured (AUTH_JWT_SECRET or the Key Vault secret dashboard-jwt-secret).");
        var key = Encoding.UTF8.GetBytes(secret);
        parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
        parameters.ValidAlgorithms = SharedSecretAlgorithms;
        return (parameters, key.Length);
    }

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted.",
        SecurityTokenInvalidAudienceException => "The token's audience is not accepted.",
        SecurityTokenNoExpirationException => "The token has no expiry (exp).",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature is not valid.",
        SecurityTokenMalformedException or ArgumentException => "The token is malformed.",
        _ => "The token is not valid.",
    };
}
