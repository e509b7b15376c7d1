using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OdooFunctions.Doubles.Oidc;

namespace OdooFunctions.Functions.Tests.Auth;

/// <summary>
/// Why the app has its own <c>AuthorityConfigurationManager</c>: what Microsoft.IdentityModel's own
/// <c>ConfigurationManager</c> (the version the project uses, default settings but a 1 s refresh interval) does with
/// <c>JsonWebTokenHandler</c> against a real provider that rotates its key. Should a new version behave as the app
/// needs, these fail, and the app's manager can go.
/// </summary>
public sealed class LibraryRefreshBehaviourTests
{
    private const string Resource = IdentityProviderSetup.Resource;

    [Fact]
    public async Task The_librarys_ConfigurationManager_refuses_the_token_that_asks_for_a_new_key_and_fetches_it_in_the_background()
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await OidcProviderProcess.StartAsync(ca);
        var manager = StockManager(provider, ca);
        var handler = new JsonWebTokenHandler();
        Assert.True((await handler.ValidateTokenAsync(await provider.GetTokenAsync(Resource), Parameters(manager))).IsValid);

        await provider.RotateKeyAsync();
        var rotated = await provider.GetTokenAsync(Resource);
        var first = await handler.ValidateTokenAsync(rotated, Parameters(manager));

        // RequestRefresh starts the fetch on the thread pool and the handler re-reads the metadata at once: still the old ones.
        Assert.False(first.IsValid);
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(first.Exception);
        await Eventually.WaitAsync(async () => (await handler.ValidateTokenAsync(rotated, Parameters(manager))).IsValid, "the background fetch");
    }

    [Fact]
    public async Task The_librarys_last_known_good_configuration_keeps_accepting_a_key_the_provider_removed()
    {
        using var ca = new TestCertificateAuthority();
        await using var provider = await OidcProviderProcess.StartAsync(ca);
        var manager = StockManager(provider, ca);
        var handler = new JsonWebTokenHandler();
        var old = await provider.GetTokenAsync(Resource);
        Assert.True((await handler.ValidateTokenAsync(old, Parameters(manager))).IsValid);

        await provider.RotateKeyAsync();
        var rotated = await provider.GetTokenAsync(Resource);
        await Eventually.WaitAsync(async () => (await handler.ValidateTokenAsync(rotated, Parameters(manager))).IsValid, "the new key to be fetched");
        var current = await manager.GetConfigurationAsync(CancellationToken.None);
        var removed = await handler.ValidateTokenAsync(old, Parameters(manager));

        // The current metadata no longer have the old key, yet the token signed with it is valid: the handler tried the earlier metadata (LKG).
        Assert.DoesNotContain(current.SigningKeys, key => key.KeyId == new JsonWebToken(old).Kid);
        Assert.True(removed.IsValid);
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> StockManager(OidcProviderProcess provider, TestCertificateAuthority ca) =>
        new(provider.Issuer + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(new HttpClient(ca.CreateHttpHandler())))
        {
            RefreshInterval = TimeSpan.FromSeconds(1),
        };

    // New for each validation: the handler writes to them (RefreshBeforeValidation, ValidateWithLKG).
    private static TokenValidationParameters Parameters(ConfigurationManager<OpenIdConnectConfiguration> manager) => new()
    {
        ConfigurationManager = manager,
        ValidAudience = Resource,
    };
}
