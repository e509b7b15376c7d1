using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Stock;

public sealed class StockFunctions(StockQuantClient stock)
{
    [Function("ListStock")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/stock")] HttpRequest request)
    {
        var productId = RequestReader.OptionalId(request, "product_id");
        var locationId = RequestReader.OptionalId(request, "location_id");
        var limit = RequestReader.Limit(request);
        var offset = RequestReader.Offset(request);
        return ApiResponses.List(await stock.ListAsync(productId, locationId, limit, offset, request.HttpContext.RequestAborted));
    }
}
