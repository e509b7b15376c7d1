using System.Net;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Secrets;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>The whole app with its secrets in Key Vault (the real SecretClient against the Key Vault double).</summary>
public sealed class KeyVaultEndToEndTests
{
    private static async Task<FunctionsTestHost> StartAppAsync(OdooDoubleServer odoo, KeyVaultDoubleServer vault) =>
        await FunctionsTestHost.StartAsync(
            // A whole Odoo timeout for the queue under ODOO_MAX_CONCURRENT_CALLS: 200 cold requests on a loaded machine must not time out waiting.
            TestSettings.For(odoo).With("KEY_VAULT_URI", vault.Uri.ToString()).With("ODOO_API_KEY", null).With("AUTH_JWT_SECRET", null).With("ODOO_TIMEOUT_SECONDS", "30").Build(),
            services => services.PointSecretsAt(vault, vault.CreateCredential(), maxRetries: 0));

    [Fact]
    public async Task Reads_the_Odoo_key_and_the_JWT_secret_from_Key_Vault_and_picks_up_a_rotated_key_without_restart()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var vault = await KeyVaultDoubleServer.StartAsync();
        vault.SetSecret("odoo-api-key", odoo.Options.ApiKey);
        vault.SetSecret("dashboard-jwt-secret", TestTokens.Secret);
        await using var app = await StartAppAsync(odoo, vault);
        var token = TestTokens.Create();

        using var first = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var keyReads = vault.ReadCount("odoo-api-key");

        const string rotated = "rotated-odoo-key-0123456789abcdef0123";
        odoo.RotateApiKey(rotated);
        vault.SetSecret("odoo-api-key", rotated);
        using var afterRotation = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token);

        Assert.Equal(HttpStatusCode.OK, afterRotation.StatusCode);
        Assert.Equal(keyReads + 1, vault.ReadCount("odoo-api-key"));
        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => (r.Message + r.Exception).Contains(rotated, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_on_a_cold_app_make_one_Odoo_login_and_one_Key_Vault_read_of_the_key()
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "17.0" });
        await using var vault = await KeyVaultDoubleServer.StartAsync();
        vault.SetSecret("odoo-api-key", odoo.Options.ApiKey);
        vault.SetSecret("dashboard-jwt-secret", TestTokens.Secret);
        await using var app = await StartAppAsync(odoo, vault);
        var token = TestTokens.Create();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, token);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, odoo.Calls.Count("common.authenticate"));
        Assert.Equal(1, vault.ReadCount("odoo-api-key"));
        Assert.Equal(1, vault.ReadCount("dashboard-jwt-secret"));
    }

    [Fact]
    public async Task A_missing_Key_Vault_secret_is_a_503_naming_the_secret_but_no_value()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var vault = await KeyVaultDoubleServer.StartAsync();
        vault.SetSecret("dashboard-jwt-secret", TestTokens.Secret);
        await using var app = await StartAppAsync(odoo, vault);

        using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create());
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("SECRET_UNAVAILABLE", body, StringComparison.Ordinal);
        Assert.Contains("odoo-api-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.Secret, body, StringComparison.Ordinal);
        Assert.Equal(0, odoo.Calls.Total - odoo.Calls.Count("common.version"));
    }

    [Fact]
    public async Task Requests_while_a_secret_is_failing_get_the_503_without_a_new_vault_read_each()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var vault = await KeyVaultDoubleServer.StartAsync();
        vault.SetSecret("odoo-api-key", odoo.Options.ApiKey);
        vault.SetSecret("dashboard-jwt-secret", TestTokens.Secret);
        vault.DenyAccess("dashboard-jwt-secret");
        await using var app = await StartAppAsync(odoo, vault);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await Send(app.Client, HttpMethod.Get, "api/odoo/products?limit=1", null, TestTokens.Create(subject: "user-" + i));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(1, vault.ReadCount("dashboard-jwt-secret"));
    }
}
