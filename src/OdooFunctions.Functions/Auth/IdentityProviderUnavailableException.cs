namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The OpenID Connect authority's metadata (<c>AUTH_JWT_AUTHORITY</c>) could not be read, so the token cannot be
/// checked: none were ever fetched, or the token's key is not among those last fetched and fetching new ones failed.
/// Not the caller's fault: the HTTP layer answers 503, not 401 (which would log the dashboard's user out) or 500.
/// </summary>
public sealed class IdentityProviderUnavailableException : Exception
{
    /// <summary>Used when the failure does not say when the next fetch may be tried.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    public IdentityProviderUnavailableException()
        : this("The identity provider's metadata could not be read.")
    {
    }

    public IdentityProviderUnavailableException(string message)
        : base(message)
    {
    }

    public IdentityProviderUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public IdentityProviderUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, innerException) => RetryAfter = retryAfter;

    /// <summary>When the app will next try the provider (the caller's <c>Retry-After</c>).</summary>
    public TimeSpan RetryAfter { get; } = DefaultRetryAfter;
}
