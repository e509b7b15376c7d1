using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Functions.ApiReference;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.FunctionsHost.OpenApi;

namespace OdooFunctions.Functions.Tests.ApiReference;

/// <summary><c>GET /api/docs</c> over HTTP: the page, its files from the app itself, its policy, and the vendored Swagger UI.</summary>
public sealed partial class ApiReferencePageTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    private const string NotAnOperation = "the API reference page and its files are not API operations";

    [Fact]
    public async Task The_reference_page_and_every_file_it_loads_are_served_anonymously_from_the_app_under_a_self_only_policy()
    {
        using var page = await GetAsync("api/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();

        // Everything but the empty icon (which keeps the browser from asking for /favicon.ico).
        var loaded = LoadedFile().Matches(html).Select(m => m.Groups["path"].Value).Where(p => p != "data:,").ToList();
        Assert.Contains("/api/docs/swagger-ui/swagger-ui-bundle.js", loaded);
        Assert.Contains("/api/docs/swagger-ui/swagger-ui.css", loaded);
        Assert.Contains("/api/docs/swagger-ui/LICENSE", loaded);
        Assert.DoesNotContain(loaded, path => !path.StartsWith("/api/", StringComparison.Ordinal));
        foreach (var path in loaded.Where(p => p.StartsWith("/api/docs/", StringComparison.Ordinal)))
        {
            using var file = await GetAsync(path.TrimStart('/'));
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{path}: {(int)file.StatusCode}");
            Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 0, path + " is empty");
            Assert.Equal(StaticAsset.ContentSecurityPolicy, string.Join("; ", file.Headers.GetValues("Content-Security-Policy")));
        }

        var policy = string.Join("; ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("http", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task A_file_the_page_does_not_have_is_404_and_an_unchanged_one_is_304_on_its_etag()
    {
        using (var unknown = await GetAsync("api/docs/swagger-ui/index.html"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var first = await GetAsync("api/docs/swagger-ui/swagger-ui.css");
        using var again = await GetAsync("api/docs/swagger-ui/swagger-ui.css", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The vendored bundle is npm's swagger-ui-dist of the version the root package.json names, byte for byte, with its
    /// licence: updating one without the other fails here.
    /// </summary>
    [Fact]
    public void The_vendored_Swagger_UI_is_byte_for_byte_the_npm_package_the_root_package_json_pins()
    {
        var vendored = RepositoryRoot.Combine("src", "OdooFunctions.Functions", "ApiReference", "Assets", "swagger-ui");
        var npm = RepositoryRoot.Combine("node_modules", "swagger-ui-dist");
        Assert.True(Directory.Exists(npm), "node_modules/swagger-ui-dist is missing: run `npm ci` at the repository top.");
        string Version(string packageJson) => JsonNode.Parse(File.ReadAllText(packageJson))!["version"]!.GetValue<string>();

        var pinned = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("package.json")))!["devDependencies"]!["swagger-ui-dist"]!.GetValue<string>();
        Assert.Equal(pinned, Version(Path.Combine(npm, "package.json")));
        Assert.Equal(pinned, Version(Path.Combine(vendored, "package.json")));
        var files = Directory.GetFiles(vendored).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["LICENSE", "NOTICE", "package.json", "swagger-ui-bundle.js", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui.css"], files);
        Assert.All(files, file => Assert.True(
            File.ReadAllBytes(Path.Combine(vendored, file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(npm, file!))),
            $"{file} differs from swagger-ui-dist {pinned} in node_modules: copy it again"));

        // Everything vendored but the version record is in the app's assembly, so func start and publish carry it.
        Assert.All(files.Where(f => f != "package.json"), file => Assert.Contains("swagger-ui/" + file, ApiReferenceAssets.Names));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).Undocumented(NotAnOperation);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(ifNoneMatch));
        }

        return await fixture.App.Client.SendAsync(request);
    }

    [GeneratedRegex("""(?:src|href)="(?<path>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex LoadedFile();
}
