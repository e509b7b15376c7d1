namespace OdooFunctions.Odoo;

/// <summary>Odoo failed while running the call (HTTP 500, <c>ValueError</c> such as an invalid field, <c>TypeError</c>, other server errors).</summary>
public sealed class OdooServerException : OdooException
{
    public OdooServerException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooServerException() { }

    public OdooServerException(string message) : base(message) { }

    public OdooServerException(string message, Exception? innerException) : base(message, innerException) { }
}
