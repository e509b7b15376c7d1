using System.Text.Json.Serialization.Metadata;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Http;

/// <summary>The guide's envelopes: <c>{success, count, data}</c>, <c>{success, message, data}</c> and <c>{success: false, message, error: {code}}</c>.</summary>
public static class ApiResponses
{
    public static ApiResult List<T>(IReadOnlyList<T> items) =>
        ApiResult.Json(200, new ListEnvelope<T>(items), TypeInfo<ListEnvelope<T>>());

    public static ApiResult Item<T>(T data, string? message = null, int statusCode = 200) =>
        ApiResult.Json(statusCode, new ItemEnvelope<T>(data, message), TypeInfo<ItemEnvelope<T>>());

    public static ApiResult Error(int statusCode, ErrorEnvelope envelope) => ApiResult.Json(statusCode, envelope, ApiJsonContext.Default.ErrorEnvelope);

    /// <summary>The source-generated contract of an envelope; every one the app answers is declared in <see cref="ApiJsonContext"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)ApiJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not declared in ApiJsonContext.");
}
