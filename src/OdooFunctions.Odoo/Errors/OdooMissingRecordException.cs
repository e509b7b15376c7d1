namespace OdooFunctions.Odoo;

/// <summary>A record the call names does not exist or was deleted (<c>odoo.exceptions.MissingError</c>).</summary>
public sealed class OdooMissingRecordException : OdooException
{
    public OdooMissingRecordException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooMissingRecordException() { }

    public OdooMissingRecordException(string message) : base(message) { }

    public OdooMissingRecordException(string message, Exception? innerException) : base(message, innerException) { }
}
