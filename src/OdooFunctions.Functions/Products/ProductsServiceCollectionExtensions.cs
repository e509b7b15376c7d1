using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Products;

public static class ProductsServiceCollectionExtensions
{
    /// <summary>The products' answers (the typed client itself comes with the Odoo client).</summary>
    public static IServiceCollection AddProducts(this IServiceCollection services) =>
        services.AddErrorAnswer<ProductNotFoundException>(404, ApiErrorCodes.NotFound, ex => ex.Message);
}
