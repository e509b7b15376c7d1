using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Functions.Tests.Hosting;

namespace OdooFunctions.Functions.Tests.Clients;

/// <summary>
/// The dashboard's TypeScript client (clients/typescript), compiled by tsc --strict, against the app served on loopback
/// over real HTTP: its own test program (test/loopback.ts) lists, reads and creates through it.
/// </summary>
public sealed partial class TypeScriptClientTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    [Fact]
    public async Task The_typescript_client_lists_products_reads_an_order_and_creates_one_once_per_idempotency_key()
    {
        var compiled = await NodeScript.RunAsync("node_modules/typescript/bin/tsc", ["-p", "clients/typescript", "--strict"]);
        Assert.True(compiled.ExitCode == 0, "tsc -p clients/typescript: " + compiled);

        var token = TestTokens.Create(subject: "typescript-client", roles: ["Admin"]);
        var run = await NodeScript.RunAsync("clients/typescript/dist/test/loopback.js", [], new Dictionary<string, string>
        {
            ["ODOOFUNCTIONS_BASE_URL"] = fixture.App.BaseAddress.AbsoluteUri,
            ["ODOOFUNCTIONS_TOKEN"] = token,
            ["ODOOFUNCTIONS_PRODUCT_ID"] = fixture.FinishedProductId().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.True(run.ExitCode == 0, "clients/typescript/test/loopback.ts: " + run);
        Assert.Contains("all checks passed", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("not ok", run.Output, StringComparison.Ordinal);
        Assert.Equal(9, CheckLine().Count(run.Output));
        Assert.DoesNotContain(token, run.Output + run.Errors, StringComparison.Ordinal);

        // The order the client says it made is in Odoo, once: the repeated key made no second one.
        var id = long.Parse(CreatedLine().Match(run.Output).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var order = Assert.Single(fixture.Odoo.Store.All("mrp.production"), mo => mo["id"]!.GetValue<long>() == id);
        var origin = order["origin"]!.GetValue<string>();
        Assert.StartsWith("TypeScript client ", origin, StringComparison.Ordinal);
        Assert.Single(fixture.Odoo.Store.All("mrp.production"), mo => mo["origin"] is JsonValue o && o.TryGetValue<string>(out var text) && text == origin);
    }

    /// <summary>The README's usage examples are the compiled ones (tsc --strict, above and in CI), word for word.</summary>
    [Fact]
    public void The_client_readmes_usage_examples_are_the_compiled_examples_file()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("clients", "typescript", "README.md"));
        var examples = File.ReadAllText(RepositoryRoot.Combine("clients", "typescript", "examples", "guide-examples.ts"));
        var section = readme[readme.IndexOf("## The integration guide's usage examples", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];

        var blocks = TypeScriptBlock().Matches(section).Select(m => m.Groups["code"].Value).ToList();

        Assert.Equal(5, blocks.Count);
        Assert.All(blocks, block => Assert.Contains(block, examples, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^```ts\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TypeScriptBlock();

    [GeneratedRegex(@"^ok - ", RegexOptions.Multiline)]
    private static partial Regex CheckLine();

    [GeneratedRegex(@"^created manufacturing order (?<id>\d+)$", RegexOptions.Multiline)]
    private static partial Regex CreatedLine();
}
