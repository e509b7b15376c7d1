using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using static OdooFunctions.Functions.Contract.ApiErrorCodes;

namespace OdooFunctions.Functions.Http;

public static class HttpServiceCollectionExtensions
{
    /// <summary>
    /// The one error middleware and the rows of the failures every HTTP function shares (the request's own: bad input,
    /// bad JSON, a cancelled call). Each part adds its own rows in its <c>AddXxx</c>.
    /// </summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.AddSingleton<ApiErrorMiddleware>();
        services.AddErrorAnswer<InvalidRequestException>(400, ValidationError, ex => ex.Message);
        services.AddErrorAnswer<InvalidJsonBodyException>(400, InvalidJson, ex => ex.Message);
        services.AddErrorAnswer<DuplicateKeyException>(400, DuplicateKey, ex => ex.Message);
        services.AddErrorAnswer<RequestTooLargeException>(413, PayloadTooLarge, ex => ex.Message);
        services.AddErrorAnswer<JsonException>(400, InvalidJson, _ => "The request body is not valid JSON.");
        services.AddErrorAnswer<OperationCanceledException>(499, Cancelled, _ => "The request was cancelled.");
        return services;
    }
}
