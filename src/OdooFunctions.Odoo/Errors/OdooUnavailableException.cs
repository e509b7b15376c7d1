namespace OdooFunctions.Odoo;

/// <summary>Odoo could not be reached or answered 502/503/504 (after the retries that apply).</summary>
public sealed class OdooUnavailableException : OdooException
{
    public OdooUnavailableException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooUnavailableException() { }

    public OdooUnavailableException(string message) : base(message) { }

    public OdooUnavailableException(string message, Exception? innerException) : base(message, innerException) { }
}
