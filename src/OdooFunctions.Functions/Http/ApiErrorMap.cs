using System.Text.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Http;

/// <summary>
/// The one place that turns a failure into the caller's answer. A table, most specific type first:
/// Odoo's own refusals keep Odoo's message (it is meant for users); outside failures get a fixed message
/// that tells the operator where to look, never a traceback or a key.
/// </summary>
public static class ApiErrorMap
{
    private sealed record Rule(Type ExceptionType, Func<Exception, ApiResult> Answer);

    private static Rule Row<T>(int status, string code, Func<T, string> message, Action<T, ApiResult>? extend = null) where T : Exception =>
        new(typeof(T), exception =>
        {
            var result = ApiResponses.Error(status, code, message((T)exception));
            extend?.Invoke((T)exception, result);
            return result;
        });

    private const string StorageMessage = "The app's storage (AzureWebJobsStorage) could not be reached, so the request was not carried out. Retry in a moment.";

    private static readonly Rule[] Rules =
    [
        new(typeof(ApiException), ex => ApiResponses.Error(((ApiException)ex).StatusCode, ((ApiException)ex).Code, ex.Message)),
        new(typeof(PartiallyAppliedException), ex => PartiallyApplied((PartiallyAppliedException)ex)),
        new(typeof(CreateOutcomeUnknownException), ex => OutcomeUnknown((CreateOutcomeUnknownException)ex)),
        Row<ManufacturingOrderNotFoundException>(404, "NOT_FOUND", ex => ex.Message),
        Row<InvalidTransitionException>(409, "INVALID_TRANSITION", ex => ex.Message),
        Row<StateNotReachedException>(409, "STATE_NOT_CHANGED", ex => ex.Message),
        Row<BackorderDecisionNeededException>(409, "BACKORDER_DECISION_NEEDED", ex => ex.Message),
        Row<StartActionMissingException>(422, "UNPROCESSABLE", ex => ex.Message),
        Row<CreateInProgressException>(409, "CREATE_IN_PROGRESS", ex => ex.Message, (ex, result) => result.Headers["Retry-After"] = Seconds(ex.RetryAfterSeconds)),
        Row<IdempotencyKeyReusedException>(422, "IDEMPOTENCY_KEY_REUSED", ex => ex.Message),
        Row<AmbiguousCreateException>(409, "AMBIGUOUS_CREATE", ex => ex.Message, (ex, result) =>
            result.Body["candidates"] = new JsonArray([.. ex.Candidates.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })])),
        Row<WizardDecisionException>(409, "ODOO_WIZARD", ex => ex.Message, (ex, result) =>
        {
            result.Body["error"]!["code"] = ex.WizardModel == WizardDecisionException.Backorder ? "BACKORDER_DECISION_NEEDED" : "ODOO_WIZARD";
            result.Body["error"]!["wizard"] = ex.WizardModel;
        }),
        Row<ApiUserLacksRightException>(403, "ODOO_ACCESS_DENIED", ex => ex.Message),
        Row<StorageUnavailableException>(503, "STORAGE_UNAVAILABLE", _ => StorageMessage, (_, result) => result.Headers["Retry-After"] = "5"),

        // Table storage failing where no store wrapped it yet (e.g. the sync's run records): still the storage, still a 503.
        Row<Azure.RequestFailedException>(503, "STORAGE_UNAVAILABLE", _ => StorageMessage, (_, result) => result.Headers["Retry-After"] = "5"),
        Row<OdooAuthenticationException>(502, "ODOO_AUTH_FAILED",
            _ => "Odoo rejected the integration's credentials. Check the Odoo API key (ODOO_API_KEY or the Key Vault secret) and ODOO_USERNAME/ODOO_DB."),
        Row<OdooAccessException>(403, "ODOO_ACCESS_DENIED", ex => OdooMessage(ex, "The Odoo API user is not allowed to do this.")),
        Row<OdooMissingRecordException>(404, "NOT_FOUND", ex => OdooMessage(ex, "The record does not exist in Odoo.")),
        Row<OdooConflictException>(409, "CONFLICT", ex => OdooMessage(ex, "The record is locked or was changed concurrently in Odoo; try again.")),
        Row<OdooValidationException>(422, "ODOO_VALIDATION_ERROR", ex => OdooMessage(ex, "Odoo refused the data.")),
        Row<OdooOverloadedException>(503, "ODOO_BUSY",
            _ => "Too many calls to Odoo are in progress right now; the request was not sent to Odoo. Retry in a moment.",
            (_, result) => result.Headers["Retry-After"] = "2"),
        Row<OdooUnavailableException>(503, "ODOO_UNAVAILABLE", _ => "No response from Odoo server. Check ODOO_URL and that Odoo is up."),
        Row<OdooTimeoutException>(504, "ODOO_TIMEOUT", _ => "Odoo did not answer in time."),
        Row<OdooResponseTooLargeException>(502, "ODOO_RESPONSE_TOO_LARGE",
            _ => "Odoo's answer is larger than the app accepts (MAX_RESPONSE_MB), so it was not read. Ask for fewer records (limit)."),
        Row<OdooUnexpectedResponseException>(502, "ODOO_BAD_RESPONSE", _ => "Odoo answered with something that is not its API (check ODOO_URL and ODOO_DB)."),
        Row<SecretUnavailableException>(503, "SECRET_UNAVAILABLE",
            ex => $"A secret the app needs ('{ex.SecretName}') could not be read. Check Key Vault access and settings."),
        Row<IdentityProviderUnavailableException>(503, "AUTH_UNAVAILABLE",
            _ => "The identity provider (AUTH_JWT_AUTHORITY) could not be reached, so the token could not be checked. Retry in a moment.",
            (ex, result) => result.Headers["Retry-After"] = Seconds(Math.Max(1, (int)Math.Ceiling(ex.RetryAfter.TotalSeconds)))),
        Row<OdooException>(502, "ODOO_ERROR", ex => OdooMessage(ex, "Odoo failed to process the request.")),
        Row<JsonException>(400, "INVALID_JSON", _ => "The request body is not valid JSON."),
        Row<OperationCanceledException>(499, "CANCELLED", _ => "The request was cancelled."),
    ];

    /// <summary>The envelope for <paramref name="exception"/>; null when it is not an expected failure (a bug: 500).</summary>
    public static ApiResult? TryMap(Exception exception)
    {
        // Azure.Core reports storage that stays unreachable through its retries as an AggregateException of the tries.
        if (exception is AggregateException && StorageUnavailableException.IsStorageFailure(exception))
        {
            exception = new StorageUnavailableException("Table storage is unavailable.", exception);
        }

        return Rules.FirstOrDefault(rule => rule.ExceptionType.IsInstanceOfType(exception))?.Answer(exception);
    }

    /// <summary>The failure's own answer, with what Odoo was left holding differently: never a hidden change.</summary>
    private static ApiResult PartiallyApplied(PartiallyAppliedException partial)
    {
        var result = TryMap(partial.Cause) ?? Unexpected();
        result.Body["message"] = $"{result.Body["message"]} {partial.Summary}";
        result.Body["applied"] = new JsonArray([.. partial.Applied.Select(change => (JsonNode)new JsonObject
        {
            ["field"] = change.Field,
            ["before"] = change.Before?.DeepClone(),
            ["now"] = change.Now?.DeepClone(),
        })]);
        result.Body["applied_verified"] = partial.Verified;
        return result;
    }

    /// <summary>The lost answer's status (503 / 504 / 502), with what a retry will do instead of Odoo's wording.</summary>
    private static ApiResult OutcomeUnknown(CreateOutcomeUnknownException unknown)
    {
        var result = TryMap(unknown.Cause) ?? Unexpected();
        result.Body["message"] = unknown.Message;
        result.Body["error"]!["code"] = "CREATE_OUTCOME_UNKNOWN";
        if (unknown.RetryAfterSeconds is { } seconds)
        {
            result.Headers["Retry-After"] = Seconds(seconds);
        }

        return result;
    }

    private static string Seconds(int seconds) => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ApiResult Unexpected() =>
        ApiResponses.Error(500, "INTERNAL_ERROR", "An unexpected error occurred. It has been logged.");

    /// <summary>Odoo's user-facing message (never its traceback), else a generic one.</summary>
    private static string OdooMessage(Exception exception, string fallback) =>
        exception is OdooException { Error.Message: { Length: > 0 } message } ? message : fallback;
}
