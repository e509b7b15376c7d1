using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OdooFunctions.Doubles.Oidc;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Tokens meant for another application, keys too short for their algorithm, an authority that is down, bad-token storms.</summary>
public sealed class TokenHardeningTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    private const string Products = "api/odoo/products?limit=1";

    private Dictionary<string, string?> AuthoritySettings(Uri authority) => TestSettings.For(fixture.Odoo)
        .With("AUTH_JWT_SECRET", null)
        .With("AUTH_JWT_AUTHORITY", authority.ToString())
        .With("AUTH_JWT_ISSUER", null)
        .Build();

    [Fact]
    public async Task With_an_authority_a_token_it_issued_for_another_application_is_401_even_with_an_Admin_role()
    {
        await using var authority = await OidcDoubleServer.StartAsync();
        await using var app = await FunctionsTestHost.StartAsync(AuthoritySettings(authority.Authority));

        using var forUs = await Send(app.Client, HttpMethod.Get, Products, null, authority.Issue("user", ["Admin"], TestTokens.Audience));
        using var forAnother = await Send(app.Client, HttpMethod.Get, Products, null, authority.Issue("user", ["Admin"], "some-other-app"));
        using var forNobody = await Send(app.Client, HttpMethod.Get, Products, null, authority.Issue("user", ["Admin"]));

        Assert.Equal(HttpStatusCode.OK, forUs.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forNobody.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_authority_is_a_503_not_a_500()
    {
        var authority = await OidcDoubleServer.StartAsync();
        var address = authority.Authority;
        var token = authority.Issue("user", ["Admin"], TestTokens.Audience);
        await authority.DisposeAsync();
        await using var app = await FunctionsTestHost.StartAsync(AuthoritySettings(address));

        using var response = await Send(app.Client, HttpMethod.Get, Products, null, token);
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("AUTH_UNAVAILABLE", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("AUTH_JWT_AUTHORITY", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HS384", 48)]
    [InlineData("HS512", 64)]
    public async Task A_token_whose_algorithm_needs_a_longer_secret_is_401_and_the_log_says_why(string name, int bytes)
    {
        // The configured secret (47 bytes) is long enough for HS256 only. The token library refuses to even sign with
        // it for HS384/512, so the token is signed by hand, as a dashboard's own library would.
        var token = HandSigned(name, TestTokens.Secret);

        using var response = await Send(fixture.App.Client, HttpMethod.Get, Products, null, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(fixture.App.Logs.GetSnapshot(), record =>
            record.Message.Contains($"signed with {name}, which needs a signing secret of at least {bytes} bytes", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.App.Logs.GetSnapshot(), record => record.Message.Contains("IDX10720", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_tokens_over_the_limit_are_refused_by_client_address_before_the_signing_secret_is_read()
    {
        var secret = new CountingSigningSecret();
        await using var app = await FunctionsTestHost.StartAsync(
            TestSettings.For(fixture.Odoo).With("RATE_LIMIT_PER_MINUTE", "3").Build(),
            services => services.AddSingleton<IDashboardSigningSecret>(secret));
        var forged = TestTokens.Create(secret: "another-secret-another-secret-another-secret!");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await Send(app.Client, HttpMethod.Get, Products, null, forged);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            (HttpStatusCode)429, (HttpStatusCode)429, (HttpStatusCode)429], statuses);
        Assert.Equal(3, secret.Reads);
    }

    [Fact]
    public async Task Text_that_is_not_a_JWT_is_refused_without_reading_the_signing_secret()
    {
        var secret = new CountingSigningSecret();
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(fixture.Odoo).Build(), services => services.AddSingleton<IDashboardSigningSecret>(secret));

        using var response = await Send(app.Client, HttpMethod.Get, Products, null, "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, secret.Reads);
    }

    private static string HandSigned(string algorithm, string secret)
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var signingInput = Base64UrlEncoder.Encode($"{{\"alg\":\"{algorithm}\",\"typ\":\"JWT\"}}") + "." +
            Base64UrlEncoder.Encode($"{{\"sub\":\"user-1\",\"role\":\"Admin\",\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",\"exp\":{exp}}}");
        var key = System.Text.Encoding.UTF8.GetBytes(secret);
        var data = System.Text.Encoding.ASCII.GetBytes(signingInput);
        var signature = algorithm == "HS384" ? System.Security.Cryptography.HMACSHA384.HashData(key, data) : System.Security.Cryptography.HMACSHA512.HashData(key, data);
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    private sealed class CountingSigningSecret : IDashboardSigningSecret
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public ValueTask<string?> GetAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return ValueTask.FromResult<string?>(TestTokens.Secret);
        }
    }
}
