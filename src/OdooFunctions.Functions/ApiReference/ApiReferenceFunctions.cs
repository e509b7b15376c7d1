using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Auth;

namespace OdooFunctions.Functions.ApiReference;

/// <summary>
/// <c>GET /api/docs</c>: the OpenAPI document rendered by Swagger UI, from the app's own files (no CDN), for the
/// dashboard's developers. Anonymous like the document itself; not an API operation, so the document leaves it out.
/// </summary>
public static class ApiReferenceFunctions
{
    [Function(AnonymousFunctions.ApiReference)]
    public static Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request) =>
        Task.FromResult<IActionResult>(ApiReferenceAssets.Find(ApiReferenceAssets.Page)!);

    [Function(AnonymousFunctions.ApiReferenceAsset)]
    public static Task<IActionResult> AssetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{*file}")] HttpRequest request, string file) =>
        Task.FromResult<IActionResult>(ApiReferenceAssets.Find(file) is { } asset && file != ApiReferenceAssets.Page
            ? asset
            : throw new ApiReferenceFileNotFoundException());
}
