using System.Net;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>
/// The app's own bursts stay under <c>ODOO_MAX_CONCURRENT_CALLS</c> calls in flight to Odoo per instance: the others
/// wait up to the call timeout (<c>ODOO_TIMEOUT_SECONDS</c>), then answer 503 with <c>Retry-After</c>.
/// </summary>
public sealed class OdooBurstTests
{
    [Fact]
    public async Task A_cold_burst_reaches_Odoo_at_most_the_bound_at_once_and_every_request_succeeds()
    {
        // Like Odoo's connection pool: beyond 8 calls at once, the recorded 500 text/html page.
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { MaxConcurrentCalls = 8, Latency = TimeSpan.FromMilliseconds(20) });
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).With("ODOO_MAX_CONCURRENT_CALLS", "8").Build());
        var token = TestTokens.Create();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token);
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.True(odoo.MostInFlight <= 8, $"Odoo saw {odoo.MostInFlight} calls in flight");
        Assert.Equal(0, odoo.PoolFullAnswers);
    }

    [Fact]
    public async Task A_request_that_waits_the_whole_call_timeout_for_a_place_is_503_with_Retry_After_and_never_reaches_Odoo()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo)
            .With("ODOO_MAX_CONCURRENT_CALLS", "1")
            .With("ODOO_TIMEOUT_SECONDS", "3")
            .Build());
        var token = TestTokens.Create();
        using (var warmup = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token))
        {
            Assert.Equal(HttpStatusCode.OK, warmup.StatusCode);
        }

        // One place, calls of 2 s, a wait of 3 s: of three at once, the one served third would have waited 4 s. A second
        // of margin each way (the second call's 2 s under its 3 s timeout), so a loaded test run does not retry a call.
        odoo.Latency = TimeSpan.FromMilliseconds(2000);
        odoo.Calls.Reset();
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var busy = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Contains("ODOO_BUSY", busy.Body, StringComparison.Ordinal);
        Assert.NotNull(busy.RetryAfter);
        Assert.Equal(2, odoo.Calls.Count("product.product", "search_read"));
    }
}
