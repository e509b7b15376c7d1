using System.Text.Json;
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
    private sealed record Rule(Type ExceptionType, int Status, string Code, Func<Exception, string> Message);

    private static readonly Rule[] Rules =
    [
        new(typeof(ApiException), 0, "", ex => ex.Message),
        new(typeof(OdooAuthenticationException), 502, "ODOO_AUTH_FAILED",
            _ => "Odoo rejected the integration's credentials. Check the Odoo API key (ODOO_API_KEY or the Key Vault secret) and ODOO_USERNAME/ODOO_DB."),
        new(typeof(OdooAccessException), 403, "ODOO_ACCESS_DENIED", ex => OdooMessage(ex, "The Odoo API user is not allowed to do this.")),
        new(typeof(OdooMissingRecordException), 404, "NOT_FOUND", ex => OdooMessage(ex, "The record does not exist in Odoo.")),
        new(typeof(OdooConflictException), 409, "CONFLICT", ex => OdooMessage(ex, "The record is locked or was changed concurrently in Odoo; try again.")),
        new(typeof(OdooValidationException), 422, "ODOO_VALIDATION_ERROR", ex => OdooMessage(ex, "Odoo refused the data.")),
        new(typeof(OdooUnavailableException), 503, "ODOO_UNAVAILABLE", _ => "No response from Odoo server. Check ODOO_URL and that Odoo is up."),
        new(typeof(OdooTimeoutException), 504, "ODOO_TIMEOUT", _ => "Odoo did not answer in time."),
        new(typeof(OdooUnexpectedResponseException), 502, "ODOO_BAD_RESPONSE", _ => "Odoo answered with something that is not its API (check ODOO_URL and ODOO_DB)."),
        new(typeof(SecretUnavailableException), 503, "SECRET_UNAVAILABLE",
            ex => $"A secret the app needs ('{((SecretUnavailableException)ex).SecretName}') could not be read. Check Key Vault access and settings."),
        new(typeof(OdooException), 502, "ODOO_ERROR", ex => OdooMessage(ex, "Odoo failed to process the request.")),
        new(typeof(JsonException), 400, "INVALID_JSON", _ => "The request body is not valid JSON."),
        new(typeof(OperationCanceledException), 499, "CANCELLED", _ => "The request was cancelled."),
    ];

    /// <summary>The envelope for <paramref name="exception"/>; null when it is not an expected failure (a bug: 500).</summary>
    public static ApiResult? TryMap(Exception exception)
    {
        foreach (var rule in Rules)
        {
            if (!rule.ExceptionType.IsInstanceOfType(exception))
            {
                continue;
            }

            if (exception is ApiException api)
            {
                return ApiResponses.Error(api.StatusCode, api.Code, api.Message);
            }

            return ApiResponses.Error(rule.Status, rule.Code, rule.Message(exception));
        }

        return null;
    }

    public static ApiResult Unexpected() =>
        ApiResponses.Error(500, "INTERNAL_ERROR", "An unexpected error occurred. It has been logged.");

    /// <summary>Odoo's user-facing message (never its traceback), else a generic one.</summary>
    private static string OdooMessage(Exception exception, string fallback) =>
        exception is OdooException { Error.Message: { Length: > 0 } message } ? message : fallback;
}
