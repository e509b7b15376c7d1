using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>Writes answers the way the Odoo version on the other end writes them (content types, key orders, pages).</summary>
internal sealed class OdooWire(OdooVersion version)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string NoDatabasePage =
        "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n"
        + "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n<!-- Alternatively, use the X-Odoo-Database header. -->\n";

    private const string WerkzeugNotFoundPage =
        "<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n";

    // The recorded 404 page of the version, read once (its CSRF token is made per answer).
    private readonly Lazy<string?> _notFoundPage = new(() => version.NotFoundPage is { } page ? OdooResources.Read(page) : null);

    public static Task Json(HttpContext context, int status, JsonNode? body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        return context.Response.WriteAsync(body is null ? "null" : body.ToJsonString(Options), Encoding.UTF8, context.RequestAborted);
    }

    public static Task Text(HttpContext context, int status, string contentType, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>The body of an Odoo error in this version's key order (before 19.0 debug comes second).</summary>
    public JsonObject ErrorData(OdooServerError error)
    {
        var arguments = new JsonArray([.. error.Arguments.Select(a => a is int n ? JsonValue.Create(n) : (JsonNode?)JsonValue.Create(a.ToString()))]);
        return version.DebugSecondInErrors
            ? new JsonObject { ["name"] = error.Name, ["debug"] = error.Debug(version), ["message"] = error.Message, ["arguments"] = arguments, ["context"] = new JsonObject() }
            : new JsonObject { ["name"] = error.Name, ["message"] = error.Message, ["arguments"] = arguments, ["context"] = new JsonObject(), ["debug"] = error.Debug(version) };
    }

    /// <summary>JSON-RPC: every Odoo-level error is HTTP 200 with an "error" member (its code is the version's).</summary>
    public Task JsonRpcError(HttpContext context, JsonNode? id, OdooServerError error) =>
        Json(context, 200, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.DeepClone(),
            ["error"] = new JsonObject { ["code"] = version.JsonRpcErrorCode, ["message"] = "Odoo Server Error", ["data"] = ErrorData(error) },
        });

    /// <summary>JSON-RPC success; a method returning None leaves out "result" altogether.</summary>
    public static Task JsonRpcResult(HttpContext context, JsonNode? id, JsonNode? result, bool returnedNone)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone() };
        if (!returnedNone)
        {
            body["result"] = result;
        }
        return Json(context, 200, body);
    }

    public Task Json2Error(HttpContext context, OdooServerError error)
    {
        if (error.Json2Status == 401)
        {
            // Written as Odoo writes it, trailing space included.
            context.Response.Headers.WWWAuthenticate = "Bearer ";
        }
        return Json(context, error.Json2Status, ErrorData(error));
    }

    /// <summary>The page a path unknown to this server gets: the version's website 404 page as recorded, or werkzeug's page (19.0).</summary>
    public Task NotFoundPage(HttpContext context) => _notFoundPage.Value is { } page
        ? Text(context, 404, "text/html;charset=utf-8", page.Replace("{{CSRF_TOKEN}}", Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "o1827312247", StringComparison.Ordinal))
        : Text(context, 404, "text/html; charset=utf-8", WerkzeugNotFoundPage);

    /// <summary>What a JSON-2 path (or /json/version) gets from a version without JSON-2.</summary>
    public Task WithoutJson2(HttpContext context) =>
        version.Json2Absence == OdooJson2Absence.LoginRedirect ? LoginRedirect(context) : NotFoundPage(context);

    /// <summary>
    /// 18.0's answer to a JSON-2 path: the route exists but wants a web session, so werkzeug redirects to the login page
    /// with the path (and an empty query) as redirect (01-b, 12-a json2 files).
    /// </summary>
    public static Task LoginRedirect(HttpContext context)
    {
        var target = "/web/login?redirect=" + Uri.EscapeDataString(context.Request.Path.Value + "?" + context.Request.QueryString.Value?.TrimStart('?'));
        context.Response.Headers.Location = target;
        return Text(context, 303, "text/html; charset=utf-8",
            $"<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href=\"{target}\">{target}</a>. If not, click the link.\n");
    }

    /// <summary>19.0's answer when X-Odoo-Database names a database it does not have.</summary>
    public static Task NoDatabase(HttpContext context) => Text(context, 404, "text/html; charset=utf-8", NoDatabasePage);
}
