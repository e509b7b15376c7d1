namespace OdooFunctions.Odoo;

/// <summary>Odoo answered with something that is not its API's JSON (an HTML error page, e.g. for a wrong database on JSON-2).</summary>
public sealed class OdooUnexpectedResponseException : OdooException
{
    public OdooUnexpectedResponseException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooUnexpectedResponseException() { }

    public OdooUnexpectedResponseException(string message) : base(message) { }

    public OdooUnexpectedResponseException(string message, Exception? innerException) : base(message, innerException) { }
}
