using System.Text.Json.Nodes;
using OdooFunctions.Cli.OpenApi;
using OdooFunctions.Functions.OpenApi;

namespace OdooFunctions.Cli.Tests;

/// <summary><c>odoofunctions openapi [--out FILE]</c>: the served document, without a host, for the linter and the TypeScript client.</summary>
public sealed class OpenApiCommandTests
{
    [Fact]
    public void Openapi_out_writes_the_document_the_app_serves_one_member_a_line()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("openapi-").FullName, "nested", "openapi.json");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(0, OpenApiCommand.Run(["--out", file], output, errors));

        var text = File.ReadAllText(file);
        Assert.True(JsonNode.DeepEquals(OpenApiDocument.Build(), JsonNode.Parse(text)));
        Assert.Contains("\n  \"openapi\": ", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Contains(file, output.ToString(), StringComparison.Ordinal);
        Assert.Empty(errors.ToString());
    }

    [Fact]
    public void Openapi_without_out_prints_the_document()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(0, OpenApiCommand.Run([], output, errors));

        Assert.True(JsonNode.DeepEquals(OpenApiDocument.Build(), JsonNode.Parse(output.ToString())));
    }

    [Fact]
    public void Openapi_refuses_an_unknown_option_with_its_usage()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.Equal(2, OpenApiCommand.Run(["--yaml"], output, errors));

        Assert.Contains("'--yaml'", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("odoofunctions openapi [--out FILE]", errors.ToString(), StringComparison.Ordinal);
    }
}
