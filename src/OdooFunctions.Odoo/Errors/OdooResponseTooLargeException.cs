namespace OdooFunctions.Odoo;

/// <summary>
/// Odoo's answer was larger than <see cref="OdooClientOptions.MaxResponseBytes"/>. The rest was not read: a
/// runaway answer (a search without a limit, a misrouted download) must not take the app's memory with it.
/// </summary>
public sealed class OdooResponseTooLargeException : OdooException
{
    public OdooResponseTooLargeException(string message, Exception? innerException = null)
        : base(message, innerException) { }

    public OdooResponseTooLargeException() { }

    public OdooResponseTooLargeException(string message) : base(message) { }
}
