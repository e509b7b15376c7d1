using System.Net;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// The dashboard API failed or answered something the sync cannot use. The message is short and written by
/// the client (never the token, never the dashboard's raw body), so it can go into a run record.
/// </summary>
public class DashboardApiException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status when the dashboard answered with one.</summary>
    public HttpStatusCode? StatusCode { get; } = statusCode;
}

/// <summary>The dashboard answered 2xx with a body that is not a list of orders (HTML, malformed JSON, wrong shape).</summary>
public sealed class DashboardUnexpectedResponseException(string message, Exception? innerException = null)
    : DashboardApiException(message, null, innerException);
