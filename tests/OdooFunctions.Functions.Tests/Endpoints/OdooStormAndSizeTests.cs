using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Secrets;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>A revoked Odoo key, an oversized Odoo answer, control characters: bounded, clear, and nothing sent that Odoo would choke on.</summary>
public sealed class OdooStormAndSizeTests
{
    private const string Products = "api/odoo/products?limit=5";

    [Theory]
    [InlineData("17.0")]
    [InlineData("19.0")]
    public async Task A_revoked_key_makes_at_most_one_vault_read_and_one_login_per_interval_however_many_requests(string version)
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        await using var vault = await KeyVaultDoubleServer.StartAsync();
        vault.SetSecret("odoo-api-key", odoo.Options.ApiKey);
        vault.SetSecret("dashboard-jwt-secret", TestTokens.Secret);
        await using var app = await FunctionsTestHost.StartAsync(
            TestSettings.For(odoo).With("KEY_VAULT_URI", vault.Uri.ToString()).With("ODOO_API_KEY", null).With("AUTH_JWT_SECRET", null).Build(),
            services => services.PointSecretsAt(vault, vault.CreateCredential(), maxRetries: 0));
        var token = TestTokens.Create();
        using (var first = await Send(app.Client, HttpMethod.Get, Products, null, token))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var reads = vault.ReadCount("odoo-api-key");
        var logins = odoo.Calls.Count("common.authenticate");
        odoo.RotateApiKey("revoked-" + Guid.NewGuid().ToString("N")); // the vault still holds the old key

        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await Send(app.Client, HttpMethod.Get, Products, null, token);
            return response.StatusCode;
        }));
        var odooCallsBefore = odoo.Calls.Total;
        for (var i = 0; i < 10; i++)
        {
            using var response = await Send(app.Client, HttpMethod.Get, Products, null, token);
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.BadGateway, status));
        Assert.Equal(reads + 1, vault.ReadCount("odoo-api-key"));
        Assert.True(odoo.Calls.Count("common.authenticate") - logins <= 1, "at most one login");
        // Once the renewal failed, requests in the interval get its answer without calling Odoo at all.
        Assert.Equal(odooCallsBefore, odoo.Calls.Total);
    }

    [Fact]
    public async Task An_Odoo_answer_over_MAX_RESPONSE_MB_is_a_clear_502()
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        foreach (var product in odoo.Store.All("product.product").Take(3))
        {
            odoo.Store.Update("product.product", product["id"]!.GetValue<long>(), new JsonObject { ["description"] = new string('x', 500_000) });
        }

        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).With("MAX_RESPONSE_MB", "1").Build());
        using var small = await Send(app.Client, HttpMethod.Get, "api/odoo/version", null, TestTokens.Create());
        using var big = await Send(app.Client, HttpMethod.Get, Products, null, TestTokens.Create());
        var body = await BodyAsync(big);

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, big.StatusCode);
        Assert.Equal("ODOO_RESPONSE_TOO_LARGE", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("MAX_RESPONSE_MB", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Dashboard\u0000Order #1", "U+0000")]
    [InlineData("Order\u001b[31m", "U+001B")]
    [InlineData("Order\u0085", "U+0085")]
    public async Task A_control_character_in_origin_is_a_400_naming_the_field_and_nothing_reaches_Odoo(string origin, string named)
    {
        await using var odoo = await OdooDoubleServer.StartAsync();
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).Build());
        var product = FinishedProductIdOf(odoo);

        using var response = await Send(app.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", new { product_id = product, product_qty = 1, origin }, TestTokens.Create());
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'origin'", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(named, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, odoo.Calls.Count("mrp.production", "create"));
    }
}
