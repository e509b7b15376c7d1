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
}
