using OdooFunctions.Functions.Contract;


namespace OdooFunctions.Functions.Http;

/// <summary>How one failure is answered: its status, its envelope, the headers that go with it (Retry-After, WWW-Authenticate).</summary>
/// <param name="Logged">False for refusals the part logs itself (a bad token), so that the error middleware adds no line per request.</param>
public sealed record ApiErrorAnswer(int Status, ErrorEnvelope Envelope, bool Logged = true)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>This answer with <c>Retry-After</c> in whole seconds (at least 1).</summary>
    public ApiErrorAnswer WithRetryAfter(TimeSpan wait) => WithHeader("Retry-After", RetryAfterSeconds(wait));

    public ApiErrorAnswer WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
