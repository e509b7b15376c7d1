namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The OpenID Connect authority's metadata (<c>AUTH_JWT_AUTHORITY</c>) could not be read, so no token can be checked.
/// Not the caller's fault: the HTTP layer answers 503, not 401 (which would log the dashboard's user out) or 500.
/// </summary>
public sealed class IdentityProviderUnavailableException : Exception
{
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
}
