using System.Text.Json.Nodes;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.FunctionsHost.OpenApi;

namespace OdooFunctions.Functions.Tests.ApiReference;

/// <summary>
/// <c>/api/docs</c> as a reader gets it: the app on loopback, the page in Debian's headless Chromium driven by
/// playwright-core (api-docs-page.mjs), every operation of the document on the page, and nothing fetched elsewhere.
/// </summary>
public sealed class ApiReferenceInBrowserTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_reference_page_shows_every_operation_of_the_document_in_Chromium_and_loads_nothing_off_loopback()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: this test needs Debian's chromium, which .ci/run installs (apt-get install -y chromium).");
        using var request = new HttpRequestMessage(HttpMethod.Get, OpenApiContract.DocumentPath).Undocumented("the OpenAPI document itself");
        using var response = await fixture.App.Client.SendAsync(request);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var expected = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key} {op.Value!["operationId"]} {op.Value["summary"]}"))
            .Order(StringComparer.Ordinal).ToList();

        var run = await NodeScript.RunAsync("tests/OdooFunctions.Functions.Tests/ApiReference/api-docs-page.mjs",
            [fixture.App.BaseAddress.AbsoluteUri, expected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Chromium]);
        Assert.True(run.ExitCode == 0, "api-docs-page.mjs: " + run);
        var page = JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!;

        Assert.Equal(200, page["status"]!.GetValue<int>());
        Assert.Equal("OdooFunctions API reference", page["title"]!.GetValue<string>());
        var shown = page["operations"]!.AsArray()
            .Select(op => $"{op!["method"]!.GetValue<string>().ToUpperInvariant()} {op["path"]} {op["operationId"]} {op["summary"]}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shown);

        var origin = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.Empty(page["offLoopback"]!.AsArray());
        Assert.All(page["requests"]!.AsArray(), url => Assert.StartsWith(origin + "/api/", url!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(origin + "/api/openapi.json", page["requests"]!.AsArray().Select(url => url!.GetValue<string>()));
        Assert.Empty(page["violations"]!.AsArray());
        Assert.Empty(page["errors"]!.AsArray());
    }
}
