using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Odoo;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Connection;

/// <summary><c>/odoo/test</c> and <c>/odoo/version</c>: is Odoo reachable with our credentials, and which Odoo is it.</summary>
public sealed class ConnectionFunctions(OdooClient odoo)
{
    [Function("TestConnection")]
    public async Task<IActionResult> TestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/test")] HttpRequest request)
    {
        var connection = await odoo.ConnectAsync(request.HttpContext.RequestAborted);
        var protocol = connection.Protocol == OdooProtocol.Json2 ? "json2" : "jsonrpc";
        return ApiResponses.Item(new ConnectionTest(true, connection.Uid, protocol, connection.Version.ServerVersion), "Successfully connected to Odoo");
    }

    [Function("GetVersion")]
    public async Task<IActionResult> VersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "odoo/version")] HttpRequest request)
    {
        var version = await odoo.GetServerVersionAsync(request.HttpContext.RequestAborted);
        return ApiResponses.Item(GuideVersion(version));
    }

    /// <summary>The guide's version object from what the server sent, filling in what an endpoint leaves out.</summary>
    private static VersionInfo GuideVersion(OdooServerVersion version)
    {
        var raw = version.Raw;
        List<object> info = (raw["server_version_info"] ?? raw["version_info"]) is JsonArray sent
            ? [.. sent.Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<long>() : (object)(item?.ToString() ?? ""))]
            : [(long)version.Major, (long)version.Minor, 0L, "final", 0L];
        var serie = raw["server_serie"] is JsonValue s && s.TryGetValue<string>(out var text)
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}");
        var protocolVersion = raw["protocol_version"] is JsonValue p && p.TryGetValue<long>(out var number) ? number : 1;
        return new VersionInfo(version.ServerVersion, info, serie, protocolVersion);
    }
}
