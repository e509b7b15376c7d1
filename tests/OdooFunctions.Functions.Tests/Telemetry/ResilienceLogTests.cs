using System.Net;
using Microsoft.Extensions.Logging;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>Polly's own log: its retries show, its line per successful attempt does not (the Odoo client logs each call).</summary>
public sealed class ResilienceLogTests
{
    [Fact]
    public async Task A_read_that_Odoo_answers_at_once_leaves_no_Polly_line_and_a_retried_read_leaves_its_warning()
    {
        await AzuriteFixture.EnsureRunningAsync();
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0" });
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).Build());
        using (var warm = await OdooAppFixture.Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create()))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        app.Logs.Clear();
        using (var ok = await OdooAppFixture.Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create()))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        Assert.Contains(app.Logs.GetSnapshot(), record => record.Category == "Odoo" && record.Level == LogLevel.Information);
        Assert.DoesNotContain(app.Logs.GetSnapshot(), record => record.Category == OdooFunctionsApp.ResilienceLogCategory);

        odoo.Faults.FailNext(1, OdooFault.Status503, "search_read");
        using (var retried = await OdooAppFixture.Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create()))
        {
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        }

        var polly = app.Logs.GetSnapshot().Where(record => record.Category == OdooFunctionsApp.ResilienceLogCategory).ToList();
        Assert.NotEmpty(polly);
        Assert.All(polly, record => Assert.True(record.Level >= LogLevel.Warning, $"{record.Level}: {record.Message}"));
    }
}
