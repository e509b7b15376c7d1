namespace OdooFunctions.Functions.Contract;

/// <summary>
/// Every <c>error.code</c> the API answers, in one list: the OpenAPI document names them per operation and status, and
/// the traffic check in the tests refuses an answer whose code the document does not list there.
/// </summary>
public static class ApiErrorCodes
{
    // The caller's request.
    public const string ValidationError = "VALIDATION_ERROR";
    public const string InvalidJson = "INVALID_JSON";
    public const string DuplicateKey = "DUPLICATE_KEY";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string Forbidden = "FORBIDDEN";
    public const string RateLimited = "RATE_LIMITED";
    public const string NotFound = "NOT_FOUND";
    public const string Conflict = "CONFLICT";
    public const string Unprocessable = "UNPROCESSABLE";

    // Manufacturing-order rules.
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string StateNotChanged = "STATE_NOT_CHANGED";
    public const string BackorderDecisionNeeded = "BACKORDER_DECISION_NEEDED";
    public const string OdooWizard = "ODOO_WIZARD";
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string AmbiguousCreate = "AMBIGUOUS_CREATE";
    public const string CreateOutcomeUnknown = "CREATE_OUTCOME_UNKNOWN";

    // Odoo.
    public const string OdooAccessDenied = "ODOO_ACCESS_DENIED";
    public const string OdooAuthFailed = "ODOO_AUTH_FAILED";
    public const string OdooValidationError = "ODOO_VALIDATION_ERROR";
    public const string OdooBusy = "ODOO_BUSY";
    public const string OdooUnavailable = "ODOO_UNAVAILABLE";
    public const string OdooTimeout = "ODOO_TIMEOUT";
    public const string OdooResponseTooLarge = "ODOO_RESPONSE_TOO_LARGE";
    public const string OdooBadResponse = "ODOO_BAD_RESPONSE";
    public const string OdooError = "ODOO_ERROR";

    // The app's own dependencies.
    public const string StorageUnavailable = "STORAGE_UNAVAILABLE";
    public const string SecretUnavailable = "SECRET_UNAVAILABLE";
    public const string AuthUnavailable = "AUTH_UNAVAILABLE";
    public const string SyncFailed = "SYNC_FAILED";
    public const string WebhookCodeInvalid = "WEBHOOK_CODE_INVALID";
    public const string InvalidWebhook = "INVALID_WEBHOOK";
    public const string Cancelled = "CANCELLED";
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>Every code above, read from the constants themselves so that a new one cannot be left out.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(ApiErrorCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!),
    ];
}
