using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using OdooFunctions.Functions.Tests.Hosting;
using Xunit.Abstractions;
using static OdooFunctions.Functions.Tests.Auth.IdentityProviderSetup;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Auth;

/// <summary>
/// The app with <c>AUTH_JWT_AUTHORITY</c> pointing at a real OpenID Provider (node-oidc-provider over HTTPS) and
/// client-credentials JWT access tokens from it: audiences, key rotation, a removed key, the provider down, forged key ids.
/// </summary>
public sealed class IdentityProviderTokenTests(Odoo19AppFixture fixture, ITestOutputHelper output) : IClassFixture<Odoo19AppFixture>
{
    // Entra ID's v2 tokens carry the app's client id as their audience, its v1 tokens the App ID URI.
    private const string ClientIdAudience = "6f1c2b9e-4d7a-4c1e-9b3f-2a8d5e7c0f14";
    private const string V2Resource = "https://odoo-functions.example/v2";

    [Fact]
    public async Task Tokens_for_any_audience_listed_in_AUTH_JWT_AUDIENCE_are_accepted_and_a_token_for_another_resource_is_401()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 30,
            audience: $"{Resource}, {ClientIdAudience}", audiences: new Dictionary<string, string> { [V2Resource] = ClientIdAudience });

        using var appIdUri = await setup.GetProductsAsync(await setup.Provider.GetTokenAsync(Resource));
        using var clientId = await setup.GetProductsAsync(await setup.Provider.GetTokenAsync(V2Resource));
        using var other = await setup.GetProductsAsync(await setup.Provider.GetTokenAsync("api://another-app"));

        Assert.Equal(HttpStatusCode.OK, appIdUri.StatusCode);
        Assert.Equal(HttpStatusCode.OK, clientId.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.Equal("The token's audience is not accepted.", (await BodyAsync(other))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_key_rotation_the_first_request_the_refresh_interval_allows_fetches_the_new_key_once_for_all_concurrent_callers()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 1);
        await setup.AcceptedTokenAsync();

        var fetchedBefore = await setup.FetchesAsync();
        await setup.Provider.RotateKeyAsync();
        var rotated = await setup.Provider.GetTokenAsync(Resource);
        var clock = Stopwatch.StartNew();

        // Within the interval since the first fetch the new key is refused without a fetch; the first request after
        // it fetches, and from then on every request (those in flight wait for the same fetch) is accepted.
        var refusedBeforeRefresh = 0;
        await Eventually.WaitAsync(async () =>
        {
            var accepted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => setup.AcceptsAsync(rotated)));
            refusedBeforeRefresh += accepted.Count(ok => !ok);
            return accepted.All(ok => ok);
        }, "tokens signed with the rotated key to be accepted");
        var pickup = clock.Elapsed;

        var fetchedAfter = await setup.FetchesAsync();
        Assert.Equal((fetchedBefore.Discovery + 1, fetchedBefore.Keys + 1), fetchedAfter);
        output.WriteLine($"rotation picked up {pickup.TotalMilliseconds:F0} ms after the rotation (refresh interval 1 s); {refusedBeforeRefresh} requests refused before, one fetch of each document");
    }

    [Fact]
    public async Task A_token_signed_with_a_key_the_provider_removed_is_401_once_the_app_has_fetched_the_keys_again()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 1);
        var old = await setup.AcceptedTokenAsync();

        await setup.Provider.RotateKeyAsync();
        var rotated = await setup.Provider.GetTokenAsync(Resource);
        await Eventually.WaitAsync(() => setup.AcceptsAsync(rotated), "the app to fetch the rotated keys");

        using var removed = await setup.GetProductsAsync(old);

        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
        Assert.Equal("The token's signature is not valid.", (await BodyAsync(removed))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task With_the_provider_down_a_token_with_a_known_key_is_still_accepted_after_a_refresh_failed()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 1);
        var token = await setup.AcceptedTokenAsync();

        await setup.Provider.StopAsync();
        using var whileDown = await setup.GetProductsAsync(token);
        await Eventually.WaitAsync(async () =>
        {
            using var response = await setup.GetProductsAsync(setup.Forged("unknown-key"));
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, "a refresh to be tried and to fail");
        using var afterFailedRefresh = await setup.GetProductsAsync(token);

        Assert.Equal(HttpStatusCode.OK, whileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterFailedRefresh.StatusCode);
        Assert.Contains(setup.App.Logs.GetSnapshot(), record =>
            record.Message.Contains("could not be fetched", StringComparison.Ordinal) && record.Message.Contains("the keys fetched before stay in use", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_provider_down_a_token_with_an_unknown_key_is_503_AUTH_UNAVAILABLE_with_Retry_After_and_not_401()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 1);
        await setup.AcceptedTokenAsync();

        await setup.Provider.StopAsync();
        HttpResponseMessage? unavailable = null;
        await Eventually.WaitAsync(async () =>
        {
            // Within the interval since the last fetch the app does not ask the provider, so the key is plainly unknown (401).
            var response = await setup.GetProductsAsync(setup.Forged("key-the-provider-may-have-rotated-to"));
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                response.Dispose();
                return false;
            }

            unavailable = response;
            return true;
        }, "the refresh to fail");
        using var failed = unavailable!;
        using var throttled = await setup.GetProductsAsync(setup.Forged("another-unknown-key"));
        var body = await BodyAsync(failed);

        Assert.Equal("AUTH_UNAVAILABLE", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("AUTH_JWT_AUTHORITY", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(int.Parse(failed.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.DoesNotContain("   at ", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, throttled.StatusCode);
    }

    [Fact]
    public async Task A_provider_that_stops_answering_turns_an_unknown_key_into_a_503_once_the_fetch_times_out_and_known_keys_keep_working()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 1);
        var token = await setup.AcceptedTokenAsync();

        await setup.Provider.FreezeAsync();
        var clock = Stopwatch.StartNew();
        await Eventually.WaitAsync(async () =>
        {
            using var response = await setup.GetProductsAsync(setup.Forged("key-of-a-hung-provider"));
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, "the fetch from the hung provider to time out", TimeSpan.FromSeconds(90));
        var waited = clock.Elapsed;

        Assert.True(await setup.AcceptsAsync(token));
        output.WriteLine($"503 {waited.TotalMilliseconds:F0} ms after the provider froze (fetch timeout 10 s)");
    }

    [Fact]
    public async Task A_burst_of_1000_tokens_with_forged_key_ids_fetches_the_discovery_document_and_the_keys_once()
    {
        await using var setup = await StartAsync(fixture.Odoo, refreshSeconds: 600);
        var forged = Enumerable.Range(0, 1000).Select(_ => setup.Forged(Guid.NewGuid().ToString("N"))).ToList();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var clock = Stopwatch.StartNew();

        // The app has fetched nothing yet: the burst's first requests start the first fetch, the others wait for it,
        // and no unknown key may start another before the interval (600 s) is over.
        await Parallel.ForEachAsync(forged, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (token, _) =>
        {
            using var response = await setup.GetProductsAsync(token);
            statuses.Add(response.StatusCode);
        });
        var elapsed = clock.Elapsed;
        var fetches = await setup.FetchesAsync();
        using var genuine = await setup.GetProductsAsync(await setup.Provider.GetTokenAsync(Resource));

        Assert.Equal(1000, statuses.Count(status => status == HttpStatusCode.Unauthorized));
        Assert.Equal((1, 1), fetches);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        output.WriteLine($"1000 forged key ids in {elapsed.TotalMilliseconds:F0} ms: {fetches.Discovery} discovery and {fetches.Keys} JWKS requests at the provider");
    }
}
