using System.Net;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Outside failures become clear 5xx envelopes: no hang, no stack trace, no secret.</summary>
public sealed class FailureMappingTests
{
    private static async Task<(HttpStatusCode Status, string Body, FunctionsTestHost App)> CallAsync(OdooDoubleServer odoo, Action<OdooDoubleServer>? arrange = null, Dictionary<string, string?>? settings = null)
    {
        var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).With(settings).Build());
        using (var warmup = await Send(app.Client, HttpMethod.Get, "api/odoo/version", null, TestTokens.Create()))
        {
            // Version detection and login happen first, so the fault hits the call under test.
            Assert.Equal(HttpStatusCode.OK, warmup.StatusCode);
        }

        arrange?.Invoke(odoo);
        using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create());
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), app);
    }

    [Theory]
    [InlineData(OdooFault.Status500, 502, "ODOO_ERROR")]
    [InlineData(OdooFault.HtmlPage, 502, "ODOO_BAD_RESPONSE")]
    [InlineData(OdooFault.Hang, 504, "ODOO_TIMEOUT")]
    public async Task An_Odoo_failure_is_a_clear_5xx_without_internals(OdooFault fault, int expected, string code)
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        var (status, body, app) = await CallAsync(odoo, o => o.Faults.FailNext(100, fault));
        await using var _ = app;
        Assert.Equal(expected, (int)status);
        Assert.Contains(code, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Traceback", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(odoo.Options.ApiKey, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odoo_unreachable_is_503()
    {
        var odoo = await OdooDoubleServer.StartAsync();
        var (status, body, app) = await CallAsync(odoo, o => o.DisposeAsync().AsTask().GetAwaiter().GetResult());
        await using var _ = app;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("ODOO_UNAVAILABLE", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_Odoo_key_is_502_telling_the_operator_to_check_it_never_401()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        var (status, body, app) = await CallAsync(odoo, o => o.RotateApiKey("a-key-the-app-does-not-have-0123456789"));
        await using var _ = app;
        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("API key", body, StringComparison.Ordinal);
        Assert.Contains("ODOO_AUTH_FAILED", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_appears_in_any_log_line_or_answer_of_a_run()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).Build());
        var token = TestTokens.Create();
        var bodies = new List<string>();
        foreach (var path in new[] { "api/odoo/test", "api/odoo/products", "api/odoo/manufacturing-orders?state=done", "api/odoo/products/999999", "api/odoo/products/abc" })
        {
            using var response = await Send(app.Client, HttpMethod.Get, path, null, token);
            bodies.Add(await response.Content.ReadAsStringAsync());
        }

        odoo.RotateApiKey("rotated-key-the-app-lacks-0123456789abcdef");
        using (var rejected = await Send(app.Client, HttpMethod.Get, "api/odoo/products", null, token))
        {
            bodies.Add(await rejected.Content.ReadAsStringAsync());
        }

        var logs = app.Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception).ToList();
        Assert.NotEmpty(logs);
        foreach (var secret in new[] { odoo.Options.ApiKey, TestTokens.Secret, token })
        {
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(bodies, body => body.Contains(secret, StringComparison.Ordinal));
        }
    }
}
