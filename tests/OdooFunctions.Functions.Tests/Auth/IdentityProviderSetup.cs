using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Oidc;
using OdooFunctions.Functions.Auth;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Auth;

/// <summary>
/// node-oidc-provider over HTTPS (its certificate from a CA made for the test) and the app taking its tokens for
/// <see cref="Resource"/>, the app's identity-provider client trusting that CA only. Disposed in reverse order.
/// </summary>
internal sealed class IdentityProviderSetup : IAsyncDisposable
{
    /// <summary>The app's App ID URI, as a resource indicator: the audience of the provider's tokens for it.</summary>
    public const string Resource = "api://odoo-functions";

    public const string Products = "api/odoo/products?limit=1";

    // The key an attacker signs with: the provider never published it.
    private static readonly RSA ForgerKey = RSA.Create(2048);

    private readonly TestCertificateAuthority _ca;

    private IdentityProviderSetup(TestCertificateAuthority ca, OidcProviderProcess provider, FunctionsTestHost app)
    {
        _ca = ca;
        Provider = provider;
        App = app;
    }

    public OidcProviderProcess Provider { get; }

    public FunctionsTestHost App { get; }

    /// <param name="refreshSeconds"><c>AUTH_JWT_REFRESH_SECONDS</c>.</param>
    /// <param name="audience"><c>AUTH_JWT_AUDIENCE</c> (default <see cref="Resource"/>).</param>
    /// <param name="audiences">Resource → audience of its tokens, for resources whose tokens carry another audience.</param>
    public static async Task<IdentityProviderSetup> StartAsync(
        OdooDoubleServer odoo, int refreshSeconds, string audience = Resource, IReadOnlyDictionary<string, string>? audiences = null)
    {
        var ca = new TestCertificateAuthority();
        OidcProviderProcess? provider = null;
        try
        {
            provider = await OidcProviderProcess.StartAsync(ca, audiences);
            var app = await FunctionsTestHost.StartAsync(
                TestSettings.For(odoo)
                    .With("AUTH_JWT_SECRET", null)
                    .With("AUTH_JWT_ISSUER", null)
                    .With("AUTH_JWT_AUTHORITY", provider.Authority.ToString())
                    .With("AUTH_JWT_AUDIENCE", audience)
                    .With("AUTH_JWT_REFRESH_SECONDS", refreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Build(),
                services => services.AddHttpClient(AuthorityConfigurationManager.HttpClientName).ConfigurePrimaryHttpMessageHandler(ca.CreateHttpHandler));
            return new IdentityProviderSetup(ca, provider, app);
        }
        catch
        {
            if (provider is not null)
            {
                await provider.DisposeAsync();
            }

            ca.Dispose();
            throw;
        }
    }

    /// <summary>GET <see cref="Products"/> with <paramref name="token"/>.</summary>
    public Task<HttpResponseMessage> GetProductsAsync(string token) => Send(App.Client, HttpMethod.Get, Products, null, token);

    /// <summary>Whether the app lets <paramref name="token"/> read (200).</summary>
    public async Task<bool> AcceptsAsync(string token)
    {
        using var response = await GetProductsAsync(token);
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }

    /// <summary>A token from the provider, after its first request (which made the app fetch the keys) was accepted.</summary>
    public async Task<string> AcceptedTokenAsync()
    {
        var token = await Provider.GetTokenAsync(Resource);
        if (!await AcceptsAsync(token))
        {
            throw new InvalidOperationException("The app refused a token from the provider before any rotation.");
        }

        return token;
    }

    /// <summary>How many times the provider was asked for its discovery document and for its keys.</summary>
    public async Task<(int Discovery, int Keys)> FetchesAsync() =>
        (await Provider.RequestCountAsync("/.well-known/openid-configuration"), await Provider.RequestCountAsync("/jwks"));

    /// <summary>
    /// A token as the provider's would be (its issuer, <see cref="Resource"/>, a Manager role, not expired) but signed
    /// with a key the provider never had, named <paramref name="kid"/>: it reaches the signature check.
    /// </summary>
    public string Forged(string kid) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "forger"), new Claim("roles", "Manager")]),
        Issuer = Provider.Issuer,
        Audience = Resource,
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(ForgerKey) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
        _ca.Dispose();
    }
}
