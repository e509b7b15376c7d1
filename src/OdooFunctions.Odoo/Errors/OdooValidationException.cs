namespace OdooFunctions.Odoo;

/// <summary>Odoo refused the data or the operation (<c>ValidationError</c>, <c>UserError</c>, JSON-2 422).</summary>
public sealed class OdooValidationException : OdooException
{
    public OdooValidationException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooValidationException() { }

    public OdooValidationException(string message) : base(message) { }

    public OdooValidationException(string message, Exception? innerException) : base(message, innerException) { }
}
