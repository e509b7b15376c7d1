using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.OpenApi;

public static class OpenApiFunction
{
    /// <summary>Anonymous: documentation only, nothing from Odoo.</summary>
    [Function(AnonymousFunctions.OpenApiDocument)]
    public static Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        Task.FromResult<IActionResult>(ApiResult.Json(200, OpenApiDocument.Served, OpenApiJsonContext.Default.JsonObject));
}
