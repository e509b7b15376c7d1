namespace OdooFunctions.Odoo;

/// <summary>
/// Base of every failure the Odoo client reports. Carries Odoo's own error (its exception name such as
/// <c>odoo.exceptions.AccessError</c> and its message) but never a traceback, a key or a request body.
/// </summary>
public class OdooException : Exception
{
    public OdooException(string message) : base(message) { }

    public OdooException(string message, Exception? innerException) : base(message, innerException) { }

    public OdooException(string message, OdooError? error, Exception? innerException = null)
        : base(message, innerException) => Error = error;

    public OdooException() { }

    /// <summary>The error as Odoo sent it, when it sent one.</summary>
    public OdooError? Error { get; }

    /// <summary>
    /// True when Odoo answered with its own error (or refused the key before running anything): it did not carry the
    /// call out, or rolled it back. False for a lost answer (timeout, dropped connection, a proxy's page), after which
    /// the call may have happened.
    /// </summary>
    public bool IsRefusal => this is OdooAuthenticationException || Error?.Name is not null;

    /// <summary>The model of the failed call, when known.</summary>
    public string? Model { get; init; }

    /// <summary>The method of the failed call, when known.</summary>
    public string? Method { get; init; }
}
