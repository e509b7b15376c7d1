using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// The one place that turns Odoo's failures into exceptions: a table from Odoo's error name (JSON-RPC
/// <c>error.data.name</c>, JSON-2 <c>name</c>) and a table from HTTP status, first match wins.
/// JSON-RPC's <c>error.code</c> is never used: it is 0 on 19.0 and 200 on 17.0.
/// </summary>
internal static partial class OdooErrorMap
{
    internal delegate OdooException Factory(string message, OdooError? error, OdooCall call, Exception? inner);

    private static readonly Factory Authentication = static (m, e, c, i) => new OdooAuthenticationException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Access = static (m, e, c, i) => new OdooAccessException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory MissingRecord = static (m, e, c, i) => new OdooMissingRecordException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory NotFound = static (m, e, c, i) => new OdooNotFoundException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Validation = static (m, e, c, i) => new OdooValidationException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Conflict = static (m, e, c, i) => new OdooConflictException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Server = static (m, e, c, i) => new OdooServerException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Unavailable = static (m, e, c, i) => new OdooUnavailableException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Timeout = static (m, e, c, i) => new OdooTimeoutException(m, e, i) { Model = c.Model, Method = c.Method };
    private static readonly Factory Unexpected = static (m, e, c, i) => new OdooUnexpectedResponseException(m, e, i) { Model = c.Model, Method = c.Method };

    private sealed record NameRule(string Name, Regex? Message, Factory Create);

    /// <summary>By the last segment of Odoo's exception name; a rule with a message pattern is tried before the plain one.</summary>
    private static readonly NameRule[] ByName =
    [
        new("AccessDenied", null, Authentication),
        new("Unauthorized", null, Authentication),
        new("AccessError", null, Access),
        new("Forbidden", null, Access),
        new("MissingError", null, MissingRecord),
        // JSON-RPC reports an unknown model as a UserError "Object x.y doesn't exist" (JSON-2: 404 NotFound).
        new("UserError", UnknownModelMessage(), NotFound),
        new("NotFound", null, NotFound),
        // An unknown method on a model surfaces as Python's AttributeError over JSON-RPC.
        new("AttributeError", null, NotFound),
        new("ValidationError", null, Validation),
        new("UserError", null, Validation),
        new("RedirectWarning", null, Validation),
        new("UnprocessableEntity", null, Validation),
        new("BadRequest", null, Validation),
        new("Conflict", null, Conflict),
        new("LockError", null, Conflict),
        new("ConcurrencyError", null, Conflict),
        new("SerializationFailure", null, Conflict),
        new("LockNotAvailable", null, Conflict),
        new("TransactionRollbackError", null, Conflict),
        new("ValueError", null, Server),
        new("TypeError", null, Server),
    ];

    private static readonly FrozenDictionary<int, Factory> ByStatus = new Dictionary<int, Factory>
    {
        [400] = Validation,
        [401] = Authentication,
        [403] = Access,
        [404] = NotFound,
        [408] = Timeout,
        [409] = Conflict,
        [422] = Validation,
        [500] = Server,
        [502] = Unavailable,
        [503] = Unavailable,
        [504] = Unavailable,
    }.ToFrozenDictionary();

    /// <summary>Statuses that mean "Odoo is not there right now", whatever the body says (proxies answer them in HTML).</summary>
    public static bool IsUnavailableStatus(int status) => status is 502 or 503 or 504;

    /// <summary>An error Odoo reported in its JSON (JSON-RPC with HTTP 200, JSON-2 with a real status).</summary>
    public static OdooException FromOdooError(OdooErrorBody? body, int status, OdooCall call, string? apiKey)
    {
        var error = new OdooError(body?.Name, Redact(body?.Message, apiKey), status);
        var create = FindByName(error) ?? ByStatus.GetValueOrDefault(status) ?? Server;
        var name = error.Name ?? $"HTTP {status}";
        return create($"Odoo {call.Model}.{call.Method} failed: {name}: {error.Message ?? "(no message)"}", error, call, null);
    }

    /// <summary>
    /// An HTTP status with no Odoo error in the body (not JSON, or a gateway page). Server-side statuses keep
    /// their meaning (500 failed, 502/503/504 unavailable); anything else that is not JSON is unexpected
    /// (e.g. the HTML 404 page real Odoo sends for an unknown database on JSON-2).
    /// </summary>
    public static OdooException FromStatus(int status, string? contentType, OdooCall call)
    {
        var error = new OdooError(null, null, status);
        if (status >= 500)
        {
            var create = ByStatus.GetValueOrDefault(status) ?? Server;
            return create($"Odoo {call.Model}.{call.Method} failed: the server answered HTTP {status}.", error, call, null);
        }

        return Unexpected(
            $"Odoo {call.Model}.{call.Method} failed: the server answered HTTP {status} with '{contentType ?? "no content type"}' instead of Odoo's JSON. Check the URL, the database name and the protocol.",
            error, call, null);
    }

    public static OdooException Unreachable(OdooCall call, Exception inner) =>
        Unavailable($"Odoo {call.Model}.{call.Method} failed: Odoo could not be reached ({inner.GetType().Name}: {inner.Message}).", null, call, inner);

    public static OdooException TimedOut(OdooCall call, Exception inner) =>
        Timeout($"Odoo {call.Model}.{call.Method} failed: Odoo did not answer in time.", null, call, inner);

    /// <summary>The app's own bound on calls in flight stayed full for the whole wait; the call was never sent.</summary>
    public static OdooException Overloaded(OdooCall call, Exception inner) =>
        new OdooOverloadedException($"Odoo {call.Model}.{call.Method} was not sent: the app already had its maximum of calls in flight to Odoo (ODOO_MAX_CONCURRENT_CALLS) for the whole wait.", null, inner)
        { Model = call.Model, Method = call.Method };

    public static OdooException NotJson(OdooCall call, int status, Exception inner) =>
        Unexpected($"Odoo {call.Model}.{call.Method} failed: the answer (HTTP {status}) is not valid JSON.", new OdooError(null, null, status), call, inner);

    public static OdooException TooLarge(OdooCall call, long maxBytes, Exception inner) =>
        new OdooResponseTooLargeException(
            $"Odoo {call.Model}.{call.Method} failed: the answer is larger than {maxBytes / (1024 * 1024)} MB (MAX_RESPONSE_MB); the rest was not read.", inner)
        {
            Model = call.Model,
            Method = call.Method,
        };

    public static OdooException Rejected(OdooCall call, string message) =>
        Authentication($"Odoo {call.Model}.{call.Method} failed: {message}", null, call, null);

    private static Factory? FindByName(OdooError error)
    {
        var shortName = error.ShortName;
        if (shortName is null)
        {
            return null;
        }

        foreach (var rule in ByName)
        {
            if (string.Equals(rule.Name, shortName, StringComparison.Ordinal)
                && (rule.Message is null || (error.Message is not null && rule.Message.IsMatch(error.Message))))
            {
                return rule.Create;
            }
        }

        return null;
    }

    // Odoo does not echo keys today; this keeps it so if a message ever quotes the request.
    private static string? Redact(string? message, string? apiKey) =>
        message is null || string.IsNullOrEmpty(apiKey) ? message : message.Replace(apiKey, "***", StringComparison.Ordinal);

    [GeneratedRegex(@"^Object \S+ doesn't exist", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownModelMessage();
}
