namespace OdooFunctions.Odoo;

/// <summary>Odoo rejected the API key or login (JSON-RPC <c>AccessDenied</c> or <c>authenticate</c> answering false, JSON-2 401), after one retry with a freshly read key.</summary>
public sealed class OdooAuthenticationException : OdooException
{
    public OdooAuthenticationException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooAuthenticationException() { }

    public OdooAuthenticationException(string message) : base(message) { }

    public OdooAuthenticationException(string message, Exception? innerException) : base(message, innerException) { }
}
