namespace OdooFunctions.Odoo;

/// <summary>
/// The call was not sent: this process already had <see cref="OdooClientOptions.MaxConcurrentCalls"/> calls in flight
/// to Odoo for the whole <see cref="OdooClientOptions.MaxQueueWait"/>. Nothing reached Odoo, so even a write is safe
/// to send again later.
/// </summary>
public sealed class OdooOverloadedException : OdooException
{
    public OdooOverloadedException(string message, OdooError? error = null, Exception? innerException = null)
        : base(message, error, innerException) { }

    public OdooOverloadedException() { }

    public OdooOverloadedException(string message) : base(message) { }

    public OdooOverloadedException(string message, Exception? innerException) : base(message, innerException) { }
}
