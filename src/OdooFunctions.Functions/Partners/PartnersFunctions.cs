using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Partners;

public sealed class PartnersFunctions(PartnerClient partners)
{
    [Function("ListPartners")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/partners")] HttpRequest request)
    {
        var limit = RequestReader.Limit(request);
        var offset = RequestReader.Offset(request);
        var isCompany = RequestReader.OptionalBool(request, "is_company");
        return ApiResponses.List(await partners.ListAsync(isCompany, limit, offset, request.HttpContext.RequestAborted));
    }
}
