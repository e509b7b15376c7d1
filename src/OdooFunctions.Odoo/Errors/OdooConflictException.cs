namespace OdooFunctions.Odoo;

/// <summary>The record is locked or changed concurrently (HTTP 409, serialization failure).</summary>
public sealed class OdooConflictException : OdooException
{
    public OdooConflictException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooConflictException() { }

    public OdooConflictException(string message) : base(message) { }

    public OdooConflictException(string message, Exception? innerException) : base(message, innerException) { }
}
