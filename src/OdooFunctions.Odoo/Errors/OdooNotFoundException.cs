namespace OdooFunctions.Odoo;

/// <summary>The model or method does not exist on this server (unknown model, <c>AttributeError</c>, JSON-2 404 <c>NotFound</c>).</summary>
public sealed class OdooNotFoundException : OdooException
{
    public OdooNotFoundException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooNotFoundException() { }

    public OdooNotFoundException(string message) : base(message) { }

    public OdooNotFoundException(string message, Exception? innerException) : base(message, innerException) { }
}
