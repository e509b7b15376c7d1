using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Products;

public sealed class ProductsFunctions(ProductClient products)
{
    [Function("ListProducts")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/products")] HttpRequest request)
    {
        var limit = RequestReader.Limit(request);
        var offset = RequestReader.Offset(request);
        return ApiResponses.List(await products.ListAsync(limit, offset, request.HttpContext.RequestAborted));
    }

    [Function("GetProduct")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/products/{id}")] HttpRequest request, string id)
    {
        var productId = RequestReader.Id(id);
        var product = await products.GetAsync(productId, request.HttpContext.RequestAborted)
            ?? throw new ProductNotFoundException(productId);
        return ApiResponses.Item(product);
    }
}
