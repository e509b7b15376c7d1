namespace OdooFunctions.Odoo;

/// <summary>The API user may not do this (<c>odoo.exceptions.AccessError</c>, JSON-2 403).</summary>
public sealed class OdooAccessException : OdooException
{
    public OdooAccessException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooAccessException() { }

    public OdooAccessException(string message) : base(message) { }

    public OdooAccessException(string message, Exception? innerException) : base(message, innerException) { }
}
