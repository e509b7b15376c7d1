namespace OdooFunctions.Odoo;

/// <summary>Odoo did not answer within the configured timeout.</summary>
public sealed class OdooTimeoutException : OdooException
{
    public OdooTimeoutException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooTimeoutException() { }

    public OdooTimeoutException(string message) : base(message) { }

    public OdooTimeoutException(string message, Exception? innerException) : base(message, innerException) { }
}
