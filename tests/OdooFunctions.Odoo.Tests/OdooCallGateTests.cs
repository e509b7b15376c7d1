using OdooFunctions.Doubles.Odoo;
using OdooFunctions.TestSupport;

namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// The client bounds its calls in flight (<see cref="OdooClientOptions.MaxConcurrentCalls"/>): a burst waits its turn
/// instead of overflowing Odoo's connection pool, and a call that waits too long is refused without reaching Odoo.
/// </summary>
public sealed class OdooCallGateTests
{
    [Fact]
    public async Task A_burst_waits_its_turn_and_Odoo_never_sees_more_than_the_bound_in_flight()
    {
        await using var odoo = await OdooTestContext.StartAsync(
            "19.0",
            configure: o => o.MaxConcurrentCalls = 4,
            configureDouble: d =>
            {
                d.MaxConcurrentCalls = 4;
                d.Latency = TimeSpan.FromMilliseconds(50);
            });
        await odoo.Client.ConnectAsync();
        odoo.Server.ResetInFlight();

        var reads = Enumerable.Range(0, 40).Select(_ => odoo.Client.SearchReadAsync("res.partner", OdooDomain.All, ["name"], limit: 1));
        var results = await Task.WhenAll(reads);

        Assert.All(results, Assert.NotEmpty);
        Assert.Equal(4, odoo.Server.MostInFlight);
        Assert.Equal(0, odoo.Server.PoolFullAnswers);
    }

    [Fact]
    public async Task A_call_that_waits_longer_than_its_wait_is_refused_and_never_reaches_Odoo()
    {
        await using var odoo = await OdooTestContext.StartAsync("19.0", configure: o =>
        {
            o.MaxConcurrentCalls = 1;
            o.MaxQueueWait = TimeSpan.FromMilliseconds(200);
            o.MaxReadRetries = 0;
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
        });
        await odoo.Client.ConnectAsync();
        odoo.Server.Faults.FailNext(1, OdooFault.Hang, "search_count");
        var holding = odoo.Client.SearchCountAsync("res.partner", OdooDomain.All);
        await Eventually.WaitAsync(() => odoo.Server.Calls.Count("res.partner", "search_count") == 1, "the held search_count to reach Odoo", TimeSpan.FromSeconds(5));

        var refused = await Assert.ThrowsAsync<OdooOverloadedException>(() =>
            odoo.Client.SearchReadAsync("res.partner", OdooDomain.All, ["name"], limit: 1));

        Assert.Equal("search_read", refused.Method);
        Assert.Equal(0, odoo.Server.Calls.Count("res.partner", "search_read"));
        await Assert.ThrowsAsync<OdooTimeoutException>(() => holding);
        // The place is free again once the call that held it is over.
        Assert.NotEmpty(await odoo.Client.SearchReadAsync("res.partner", OdooDomain.All, ["name"], limit: 1));
    }

    [Fact]
    public async Task A_bound_of_zero_fails_the_options_validation()
    {
        var failures = new OdooClientOptionsValidator().Validate(null, new OdooClientOptions
        {
            Url = new Uri("https://odoo.example.com"),
            Database = "prod",
            Username = "api@example.com",
            MaxConcurrentCalls = 0,
        });

        Assert.True(failures.Failed);
        Assert.Contains("ODOO_MAX_CONCURRENT_CALLS", failures.FailureMessage, StringComparison.Ordinal);
    }
}
