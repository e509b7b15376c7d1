namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// A request to Odoo that says whether it may be sent twice. A type rather than an entry in
/// <see cref="HttpRequestMessage.Options"/>, which would allocate a dictionary on every call.
/// </summary>
internal sealed class OdooRequestMessage(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    /// <summary>Reads: <see cref="OdooResilienceHandler"/> retries them on transient failures.</summary>
    public bool Retryable { get; init; }
}
