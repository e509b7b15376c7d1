using System.Net;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Every /api/odoo route needs the dashboard's valid JWT, a role for the access, and stays within the rate limit.</summary>
public sealed class AuthTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string? token, string path = "api/odoo/products?limit=1")
    {
        var response = await Send(fixture.App.Client, HttpMethod.Get, path, null, token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public static TheoryData<string, string?> RefusedTokens => new()
    {
        { "no token", null },
        { "alg none", TestTokens.WithAlgNone() },
        { "expired", TestTokens.Create(expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "signed with another key", TestTokens.Create(secret: "another-secret-another-secret-another-secret!") },
        { "wrong issuer", TestTokens.Create(issuer: "https://evil.test") },
        { "wrong audience", TestTokens.Create(audience: "someone-else") },
        { "tampered payload", TestTokens.Tampered() },
        { "not a jwt", "abc.def" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Refuses_an_invalid_token_with_401_and_reaches_no_Odoo(string why, string? token)
    {
        var before = fixture.Odoo.Calls.Total;
        var (status, body, response) = await GetAsync(token);
        Assert.True(status == HttpStatusCode.Unauthorized, why);
        Assert.Contains("\"success\":false", body, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(before, fixture.Odoo.Calls.Total);
        if (token is not null)
        {
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Accepts_a_valid_token_with_a_read_role_compared_case_insensitively()
    {
        var (status, _, _) = await GetAsync(TestTokens.Create(roles: ["manager"]));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task A_token_without_an_allowed_role_is_403()
    {
        var (status, body, _) = await GetAsync(TestTokens.Create(roles: ["Viewer"]));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("FORBIDDEN", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_need_a_write_role()
    {
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(fixture.Odoo).With("AUTH_WRITE_ROLES", "Admin").Build());
        using var read = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create(roles: ["Manager"]));
        using var write = await Send(app.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", new { product_id = 1, product_qty = 1 }, TestTokens.Create(roles: ["Manager"]));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Over_the_rate_limit_a_caller_gets_429_with_Retry_After_while_others_go_on()
    {
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(fixture.Odoo).With("RATE_LIMIT_PER_MINUTE", "3").Build());
        var alice = TestTokens.Create(subject: "alice");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, alice);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, alice);
        using var bob = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create(subject: "bob"));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
    }
}
