using Azure;

namespace OdooFunctions.Functions.Storage;

/// <summary>
/// Table storage could not be reached or refused a request the app needs (an idempotency record, a lease). The
/// request is answered 503 before Odoo is changed; the storage error stays inside for the log.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>True for the failures of the storage service or of the way to it (Azure.Core reports both as these).</summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageFailure),
        _ => false,
    };
}
