using System.Text.Json;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Http.Envelopes;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Odoo;
using static OdooFunctions.Functions.Http.ApiErrorCodes;

namespace OdooFunctions.Functions.Http;

/// <summary>
/// The one place that turns a failure into the caller's answer. A table, most specific type first:
/// Odoo's own refusals keep Odoo's message (it is meant for users); outside failures get a fixed message
/// that tells the operator where to look, never a traceback or a key.
/// </summary>
public static class ApiErrorMap
{
    /// <summary>An answer: status, envelope, and the headers that go with it (Retry-After).</summary>
    private sealed record Answer(int Status, ErrorEnvelope Envelope, int? RetryAfterSeconds = null);

    private sealed record Rule(Type ExceptionType, Func<Exception, Answer> Answer);

    private static Rule Row<T>(int status, string code, Func<T, string> message, Func<T, ErrorEnvelope, ErrorEnvelope>? extend = null, Func<T, int?>? retryAfter = null)
        where T : Exception =>
        new(typeof(T), exception =>
        {
            var typed = (T)exception;
            var envelope = new ErrorEnvelope(message(typed), new ApiError(code));
            return new Answer(status, extend?.Invoke(typed, envelope) ?? envelope, retryAfter?.Invoke(typed));
        });

    private const string StorageMessage = "The app's storage (AzureWebJobsStorage) could not be reached, so the request was not carried out. Retry in a moment.";

    private static readonly Rule[] Rules =
    [
        new(typeof(ApiException), ex => new Answer(((ApiException)ex).StatusCode, new ErrorEnvelope(ex.Message, new ApiError(((ApiException)ex).Code)))),
        new(typeof(PartiallyAppliedException), ex => PartiallyApplied((PartiallyAppliedException)ex)),
        new(typeof(CreateOutcomeUnknownException), ex => OutcomeUnknown((CreateOutcomeUnknownException)ex)),
        Row<ManufacturingOrderNotFoundException>(404, NotFound, ex => ex.Message),
        Row<InvalidTransitionException>(409, InvalidTransition, ex => ex.Message),
        Row<StateNotReachedException>(409, StateNotChanged, ex => ex.Message),
        Row<BackorderDecisionNeededException>(409, BackorderDecisionNeeded, ex => ex.Message),
        Row<StartActionMissingException>(422, Unprocessable, ex => ex.Message),
        Row<CreateInProgressException>(409, CreateInProgress, ex => ex.Message, retryAfter: ex => ex.RetryAfterSeconds),
        Row<IdempotencyKeyReusedException>(422, IdempotencyKeyReused, ex => ex.Message),
        Row<AmbiguousCreateException>(409, AmbiguousCreate, ex => ex.Message, (ex, envelope) => envelope with { Candidates = ex.Candidates }),
        Row<WizardDecisionException>(409, OdooWizard, ex => ex.Message, (ex, envelope) => envelope with
        {
            Error = new ApiError(ex.WizardModel == WizardDecisionException.Backorder ? BackorderDecisionNeeded : OdooWizard) { Wizard = ex.WizardModel },
        }),
        Row<ApiUserLacksRightException>(403, OdooAccessDenied, ex => ex.Message),
        Row<StorageUnavailableException>(503, StorageUnavailable, _ => StorageMessage, retryAfter: _ => 5),

        // Table storage failing where no store wrapped it yet (e.g. the sync's run records): still the storage, still a 503.
        Row<Azure.RequestFailedException>(503, StorageUnavailable, _ => StorageMessage, retryAfter: _ => 5),
        Row<OdooAuthenticationException>(502, OdooAuthFailed,
            _ => "Odoo rejected the integration's credentials. Check the Odoo API key (ODOO_API_KEY or the Key Vault secret) and ODOO_USERNAME/ODOO_DB."),
        Row<OdooAccessException>(403, OdooAccessDenied, ex => OdooMessage(ex, "The Odoo API user is not allowed to do this.")),
        Row<OdooMissingRecordException>(404, NotFound, ex => OdooMessage(ex, "The record does not exist in Odoo.")),
        Row<OdooConflictException>(409, Conflict, ex => OdooMessage(ex, "The record is locked or was changed concurrently in Odoo; try again.")),
        Row<OdooValidationException>(422, OdooValidationError, ex => OdooMessage(ex, "Odoo refused the data.")),
        Row<OdooOverloadedException>(503, OdooBusy,
            _ => "Too many calls to Odoo are in progress right now; the request was not sent to Odoo. Retry in a moment.",
            retryAfter: _ => 2),
        Row<OdooUnavailableException>(503, OdooUnavailable, _ => "No response from Odoo server. Check ODOO_URL and that Odoo is up."),
        Row<OdooTimeoutException>(504, OdooTimeout, _ => "Odoo did not answer in time."),
        Row<OdooResponseTooLargeException>(502, OdooResponseTooLarge,
            _ => "Odoo's answer is larger than the app accepts (MAX_RESPONSE_MB), so it was not read. Ask for fewer records (limit)."),
        Row<OdooUnexpectedResponseException>(502, OdooBadResponse, _ => "Odoo answered with something that is not its API (check ODOO_URL and ODOO_DB)."),
        Row<SecretUnavailableException>(503, SecretUnavailable,
            ex => $"A secret the app needs ('{ex.SecretName}') could not be read. Check Key Vault access and settings."),
        Row<IdentityProviderUnavailableException>(503, AuthUnavailable,
            _ => "The identity provider (AUTH_JWT_AUTHORITY) could not be reached, so the token could not be checked. Retry in a moment.",
            retryAfter: ex => Math.Max(1, (int)Math.Ceiling(ex.RetryAfter.TotalSeconds))),
        Row<OdooException>(502, ApiErrorCodes.OdooError, ex => OdooMessage(ex, "Odoo failed to process the request.")),
        Row<JsonException>(400, InvalidJson, _ => "The request body is not valid JSON."),
        Row<OperationCanceledException>(499, Cancelled, _ => "The request was cancelled."),
    ];

    /// <summary>The envelope for <paramref name="exception"/>; null when it is not an expected failure (a bug: 500).</summary>
    public static ApiResult? TryMap(Exception exception) => Find(exception) is { } answer ? ToResult(answer) : null;

    public static ApiResult Unexpected() => ToResult(UnexpectedAnswer);

    private static readonly Answer UnexpectedAnswer = new(500, new ErrorEnvelope("An unexpected error occurred. It has been logged.", new ApiError(InternalError)));

    private static Answer? Find(Exception exception)
    {
        // Azure.Core reports storage that stays unreachable through its retries as an AggregateException of the tries.
        if (exception is AggregateException && StorageUnavailableException.IsStorageFailure(exception))
        {
            exception = new StorageUnavailableException("Table storage is unavailable.", exception);
        }

        return Rules.FirstOrDefault(rule => rule.ExceptionType.IsInstanceOfType(exception))?.Answer(exception);
    }

    private static ApiResult ToResult(Answer answer)
    {
        var result = ApiResponses.Error(answer.Status, answer.Envelope);
        if (answer.RetryAfterSeconds is { } seconds)
        {
            result.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>The failure's own answer, with what Odoo was left holding differently: never a hidden change.</summary>
    private static Answer PartiallyApplied(PartiallyAppliedException partial)
    {
        var answer = Find(partial.Cause) ?? UnexpectedAnswer;
        return answer with
        {
            Envelope = answer.Envelope with
            {
                Message = $"{answer.Envelope.Message} {partial.Summary}",
                Applied = partial.Applied,
                AppliedVerified = partial.Verified,
            },
        };
    }

    /// <summary>The lost answer's status (503 / 504 / 502), with what a retry will do instead of Odoo's wording.</summary>
    private static Answer OutcomeUnknown(CreateOutcomeUnknownException unknown)
    {
        var answer = Find(unknown.Cause) ?? UnexpectedAnswer;
        return answer with
        {
            Envelope = answer.Envelope with { Message = unknown.Message, Error = new ApiError(CreateOutcomeUnknown) },
            RetryAfterSeconds = unknown.RetryAfterSeconds ?? answer.RetryAfterSeconds,
        };
    }

    /// <summary>Odoo's user-facing message (never its traceback), else a generic one.</summary>
    private static string OdooMessage(Exception exception, string fallback) =>
        exception is OdooException { Error.Message: { Length: > 0 } message } ? message : fallback;
}
