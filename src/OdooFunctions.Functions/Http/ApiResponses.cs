using System.Text.Json.Nodes;

namespace OdooFunctions.Functions.Http;

/// <summary>The guide's envelopes: <c>{success, count, data}</c>, <c>{success, message, data}</c> and <c>{success: false, message, error: {code}}</c>.</summary>
public static class ApiResponses
{
    public static ApiResult List(IReadOnlyCollection<JsonObject> items) => new(200, new JsonObject
    {
        ["success"] = true,
        ["count"] = items.Count,
        ["data"] = new JsonArray([.. items]),
    });

    public static ApiResult Item(JsonNode? data, string? message = null, int statusCode = 200)
    {
        var body = new JsonObject { ["success"] = true };
        if (message is not null)
        {
            body["message"] = message;
        }

        body["data"] = data;
        return new ApiResult(statusCode, body);
    }

    public static ApiResult Error(int statusCode, string code, string message) => new(statusCode, new JsonObject
    {
        ["success"] = false,
        ["message"] = message,
        ["error"] = new JsonObject { ["code"] = code },
    });
}
