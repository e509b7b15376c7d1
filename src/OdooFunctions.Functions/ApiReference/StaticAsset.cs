using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace OdooFunctions.Functions.ApiReference;

/// <summary>One file of the reference page, written directly (no MVC file executors in the worker), revalidated by ETag.</summary>
public sealed record StaticAsset(byte[] Content, string ContentType, string ETag) : IActionResult
{
    /// <summary>
    /// Only the app's own origin: scripts, styles, the document and Try-it-out calls; no inline script or style. Swagger
    /// UI's SVG icons (data: URLs in its stylesheet) are the one allowance.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var response = http.Response;
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        await response.Body.WriteAsync(Content, http.RequestAborted);
    }
}
