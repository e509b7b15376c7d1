using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OdooFunctions.Doubles.Tests.Odoo;

public sealed partial class OdooDemoProgramTests
{
    [Theory]
    [InlineData("19.0", "19.0", 7)]
    [InlineData("16.0", "16.0-20240216", 8)]
    public async Task Demo_Odoo_program_prints_its_url_and_answers_over_http_as_the_version_asked(string version, string serverVersion, long uid)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OdooFunctions.Doubles.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "odoo", "--port", "0", "--version", version })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            Match match;
            do
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.NotNull(line);
                match = ListeningLine().Match(line);
            }
            while (!match.Success);
            Assert.Equal(version, match.Groups["version"].Value);

            // The administrator's demo key is printed, so that a developer can install a webhook rule over RPC.
            string? admin;
            do
            {
                admin = await process.StandardOutput.ReadLineAsync(timeout.Token);
                Assert.NotNull(admin);
            }
            while (!admin.StartsWith("Admin:", StringComparison.Ordinal));
            Assert.Contains("login admin (uid 2)", admin, StringComparison.Ordinal);
            Assert.Contains(OdooFunctions.Doubles.Odoo.OdooDoubleOptions.DemoAdminApiKey, admin, StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = new Uri(match.Groups["url"].Value + "/") };
            var answer = await OdooRpc.CommonAsync(http, "version", []);
            Assert.Equal(serverVersion, answer["result"]!["server_version"]!.GetValue<string>());
            var login = await OdooRpc.CommonAsync(http, "authenticate", new JsonArray("odoo_test", "api@yourcompany.com", "test-odoo-api-key-0123456789abcdef", new JsonObject()));
            Assert.Equal(uid, login["result"]!.GetValue<long>());
            var adminUid = await OdooRpc.CommonAsync(http, "authenticate", new JsonArray("odoo_test", "admin", OdooFunctions.Doubles.Odoo.OdooDoubleOptions.DemoAdminApiKey, new JsonObject()));
            Assert.Equal(2, adminUid["result"]!.GetValue<long>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"^Demo Odoo listening on (?<url>http://127\.0\.0\.1:\d+) \(database odoo_test, login api@yourcompany\.com, version (?<version>\d+\.0)\)$")]
    private static partial Regex ListeningLine();
}
