using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Functions.Tests.Hosting;

namespace OdooFunctions.Functions.Tests.App;

public sealed class OpenApiTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    [Fact]
    public async Task The_OpenAPI_document_is_served_anonymously_and_lists_exactly_the_functions_routes()
    {
        using var response = await fixture.App.Client.GetAsync("api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);

        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"))
            .Order().ToList();
        var served = FunctionsMetadata.Load()
            .Where(f => f.TriggerType == "httpTrigger" && f.Route != "openapi.json")
            .SelectMany(f => f.Methods.Select(m => $"{m} /api/{f.Route}"))
            .Order().ToList();
        Assert.Equal(served, documented);
    }

    /// <summary>
    /// Every bounded query parameter the document names is held to the endpoint: its maximum is accepted, one past its
    /// bounds is 400, and an enum value outside the list is 400.
    /// </summary>
    [Fact]
    public async Task Every_documented_query_parameter_bound_is_what_the_endpoint_enforces()
    {
        using var response = await fixture.App.Client.GetAsync("api/openapi.json");
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!.AsObject();
        var checkedBounds = 0;
        foreach (var (path, item) in paths)
        {
            if (item!["get"] is not JsonObject get || path.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var parameter in get["parameters"]!.AsArray().Select(p => p!.AsObject()).Where(p => p["in"]!.GetValue<string>() == "query"))
            {
                var name = parameter["name"]!.GetValue<string>();
                var schema = parameter["schema"]!.AsObject();
                var url = path.TrimStart('/') + "?" + name + "=";
                if (schema["maximum"] is JsonValue max)
                {
                    Assert.True((await Get(url + max.GetValue<long>())).StatusCode != HttpStatusCode.BadRequest, $"{path} {name}={max} refused");
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + (max.GetValue<long>() + 1))).StatusCode);
                    checkedBounds++;
                }

                if (schema["minimum"] is JsonValue min)
                {
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + (min.GetValue<long>() - 1))).StatusCode);
                    checkedBounds++;
                }

                if (schema["enum"] is JsonArray)
                {
                    Assert.Equal(HttpStatusCode.BadRequest, (await Get(url + "not-a-listed-value")).StatusCode);
                    checkedBounds++;
                }
            }
        }

        Assert.True(checkedBounds >= 10, $"only {checkedBounds} bounds found in the document");
    }

    [Fact]
    public async Task The_documented_defaults_are_the_ones_the_code_uses()
    {
        using var response = await fixture.App.Client.GetAsync("api/openapi.json");
        var paths = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["paths"]!;
        long Default(string path) => paths[path]!["get"]!["parameters"]!.AsArray().First(p => p!["name"]!.GetValue<string>() == "limit")!["schema"]!["default"]!.GetValue<long>();

        Assert.Equal(Functions.Sync.SyncFunctions.DefaultStatusLimit, Default("/api/sync/status"));
        Assert.Equal(Http.RequestReader.DefaultLimit, Default("/api/odoo/manufacturing-orders"));
        Assert.Equal(Http.RequestReader.DefaultLimit, Default("/api/odoo/products"));
    }

    private Task<HttpResponseMessage> Get(string url) => fixture.SendAsync(HttpMethod.Get, url);
}
