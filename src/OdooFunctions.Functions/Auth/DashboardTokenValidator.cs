using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// Validates the dashboard's JWT: signature (HS256 with the shared secret, or the OIDC authority's keys), expiry,
/// and issuer/audience when configured (always with an authority: it signs tokens for every application of its
/// tenant, so the audience is what says a token was meant for this one). Unsigned (<c>alg: none</c>) and tampered tokens fail.
/// With an authority, a token whose key is not among those fetched makes <paramref name="authorityMetadata"/> fetch
/// them again (see <see cref="AuthorityConfigurationManager"/>) before it is refused.
/// </summary>
public sealed class DashboardTokenValidator(
    DashboardAuthOptions options,
    IDashboardSigningSecret signingSecret,
    AuthorityConfigurationManager? authorityMetadata = null)
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
            // Still unknown after the handler asked for a refresh, and the provider could not be reached: the key may
            // be one it has just started to sign with, so this is not the caller's fault.
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && authorityMetadata is { IsProviderUnreachable: true })
            {
                throw new IdentityProviderUnavailableException(
                    $"The token's signing key is not among the identity provider's keys fetched last, and its metadata ({options.Authority}) could not be read again.",
                    authorityMetadata.RetryAfter);
            }

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
            ValidateAudience = options.Audiences.Length > 0,
            ValidAudiences = options.Audiences,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };

        if (authorityMetadata is not null)
        {
            // Read here first, so that metadata never fetched are a 503: the handler would log the failure and refuse the token (401).
            await authorityMetadata.GetConfigurationAsync(cancellationToken);

            // The handler takes the keys and the issuer from the metadata (AUTH_JWT_ISSUER, when set, is accepted too).
            parameters.ConfigurationManager = authorityMetadata;
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
