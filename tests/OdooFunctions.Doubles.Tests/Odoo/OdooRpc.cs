using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>Raw wire calls for tests: a JSON-RPC execute_kw and a JSON-2 POST, no client library.</summary>
internal static class OdooRpc
{
    public static async Task<JsonObject> ExecuteKwAsync(HttpClient http, string key, long uid, string model, string method, JsonArray args, JsonObject? kwargs = null, string database = "odoo_test")
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = "object", ["method"] = "execute_kw", ["args"] = new JsonArray(database, uid, key, model, method, args, kwargs ?? []) },
            ["id"] = 1,
        };
        using var response = await http.PostAsJsonAsync("jsonrpc", body);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;
    }

    public static async Task<JsonObject> CommonAsync(HttpClient http, string method, JsonArray args)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = "common", ["method"] = method, ["args"] = args },
            ["id"] = 1,
        };
        using var response = await http.PostAsJsonAsync("jsonrpc", body);
        return (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!;
    }

    public static async Task<HttpResponseMessage> Json2Async(HttpClient http, string key, string model, string method, JsonObject body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"json/2/{model}/{method}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", $"bearer {key}");
        request.Headers.TryAddWithoutValidation("X-Odoo-Database", "odoo_test");
        return await http.SendAsync(request, cancellationToken);
    }
}
