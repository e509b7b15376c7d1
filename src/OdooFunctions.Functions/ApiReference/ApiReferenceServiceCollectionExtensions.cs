using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ApiReference;

public static class ApiReferenceServiceCollectionExtensions
{
    /// <summary>The reference page's answers (its files are embedded in the assembly).</summary>
    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddErrorAnswer<ApiReferenceFileNotFoundException>(404, ApiErrorCodes.NotFound, ex => ex.Message, (_, answer) => answer with { Logged = false });
}
