namespace OdooFunctions.FunctionsHost.OpenApi;

/// <summary>
/// The one way out of the contract check, per request and with a reason: for a test that calls what the document cannot
/// describe on purpose (the document itself, the reference page, a route that does not exist).
/// </summary>
public static class UndocumentedRequest
{
    public static readonly HttpRequestOptionsKey<string> Reason = new("OpenApiContract.UndocumentedReason");

    /// <summary>Leaves this request's answer unchecked; <paramref name="reason"/> says why the document cannot know it.</summary>
    public static HttpRequestMessage Undocumented(this HttpRequestMessage request, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        request.Options.Set(Reason, reason);
        return request;
    }
}
