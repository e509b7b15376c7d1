namespace OdooFunctions.Functions.Http;

/// <summary>
/// A refusal the app decides itself (bad input, conflicting request), answered with its status and code.
/// Its message is shown to the caller, so it names the field or problem and never carries a secret.
/// </summary>
public class ApiException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static ApiException BadRequest(string message) => new(400, "VALIDATION_ERROR", message);

    public static ApiException NotFound(string message) => new(404, "NOT_FOUND", message);

    public static ApiException Conflict(string message) => new(409, "CONFLICT", message);

    public static ApiException Unprocessable(string message) => new(422, "UNPROCESSABLE", message);
}
