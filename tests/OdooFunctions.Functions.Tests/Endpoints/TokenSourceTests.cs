using System.Net;
using OdooFunctions.Doubles.Oidc;
using OdooFunctions.Doubles.Tokens;
using OdooFunctions.Functions.Tests.Hosting;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Where valid tokens come from: an OpenID Connect authority's keys, or the local token command.</summary>
public sealed class TokenSourceTests(Odoo19AppFixture fixture) : IClassFixture<Odoo19AppFixture>
{
    [Fact]
    public async Task With_an_OIDC_authority_tokens_are_checked_against_its_published_keys()
    {
        await using var authority = await OidcDoubleServer.StartAsync();
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(fixture.Odoo)
            .With("AUTH_JWT_SECRET", null)
            .With("AUTH_JWT_AUTHORITY", authority.Authority.ToString())
            .With("AUTH_JWT_ISSUER", null)
            .Build());

        using var accepted = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, authority.Issue("oidc-user", ["Manager"], TestTokens.Audience));
        using var sharedSecret = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create(issuer: authority.Issuer));
        await using var otherAuthority = await OidcDoubleServer.StartAsync();
        using var foreign = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, otherAuthority.Issue("oidc-user", ["Manager"], TestTokens.Audience));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, sharedSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
    }

    [Fact]
    public async Task A_token_from_the_local_token_command_is_accepted()
    {
        var settingsFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(settingsFile, $$"""
            { "Values": { "AUTH_JWT_SECRET": "{{TestTokens.Secret}}", "AUTH_JWT_ISSUER": "{{TestTokens.Issuer}}", "AUTH_JWT_AUDIENCE": "{{TestTokens.Audience}}" } }
            """);
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exitCode;
        try
        {
            exitCode = DashboardTokenCommand.Run(["--settings", settingsFile, "--role", "Manager", "--subject", "dev"]);
        }
        finally
        {
            Console.SetOut(original);
            File.Delete(settingsFile);
        }

        Assert.Equal(0, exitCode);
        using var response = await Send(fixture.App.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, output.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
