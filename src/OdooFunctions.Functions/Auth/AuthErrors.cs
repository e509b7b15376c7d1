namespace OdooFunctions.Functions.Auth;

/// <summary>The call carries no valid dashboard token (missing, malformed, expired, wrong signature, issuer or audience).</summary>
public sealed class TokenRefusedException(string reason) : Exception(reason);

/// <summary>The token is valid, but none of its roles may do this (read or change).</summary>
public sealed class RoleNotAllowedException(string message) : Exception(message);

/// <summary>The caller used up its requests for this minute; it may retry after <see cref="RetryAfter"/>.</summary>
public sealed class RateLimitedException(int requestsPerMinute, TimeSpan retryAfter)
    : Exception($"Too many requests: at most {requestsPerMinute} a minute. Retry later.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
