using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Connection;

/// <summary><c>/odoo/test</c> and <c>/odoo/version</c>: is Odoo reachable with our credentials, and which Odoo is it.</summary>
public sealed class ConnectionFunctions(OdooClient odoo)
{
    [Function("TestConnection")]
    public async Task<IActionResult> TestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/test")] HttpRequest request)
    {
        var connection = await odoo.ConnectAsync(request.HttpContext.RequestAborted);
        return ApiResponses.Item(new JsonObject
        {
            ["connected"] = true,
            ["uid"] = connection.Uid,
            ["protocol"] = connection.Protocol == OdooProtocol.Json2 ? "json2" : "jsonrpc",
            ["server_version"] = connection.Version.ServerVersion,
        }, "Successfully connected to Odoo");
    }

    [Function("GetVersion")]
    public async Task<IActionResult> VersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/version")] HttpRequest request)
    {
        var version = await odoo.GetServerVersionAsync(request.HttpContext.RequestAborted);
        return ApiResponses.Item(GuideVersion(version));
    }

    /// <summary>The guide's version object, whichever endpoint the client asked (JSON-RPC common.version or JSON-2 /json/version).</summary>
    private static JsonObject GuideVersion(OdooServerVersion version)
    {
        var raw = version.Raw;
        return new JsonObject
        {
            ["server_version"] = version.ServerVersion,
            ["server_version_info"] = (raw["server_version_info"] ?? raw["version_info"])?.DeepClone()
                ?? new JsonArray(version.Major, version.Minor, 0, "final", 0),
            ["server_serie"] = raw["server_serie"]?.DeepClone()
                ?? JsonValue.Create(string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}")),
            ["protocol_version"] = raw["protocol_version"]?.DeepClone() ?? JsonValue.Create(1),
        };
    }
}
