using System.Globalization;
using System.Net;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;
using static OdooFunctions.Functions.Tests.Hosting.OdooAppFixture;

namespace OdooFunctions.Functions.Tests.Endpoints;

/// <summary>Idempotency records live in storage: while it is unreachable a create is 503 and Odoo is not touched; when it is back, it works.</summary>
public sealed class StorageFailureTests
{
    // Azurite's well-known development account (public, documented by Microsoft).
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task Unreachable_storage_is_503_without_a_create_in_Odoo_and_the_table_is_created_once_it_is_back()
    {
        await AzuriteFixture.EnsureRunningAsync();
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0" });
        await using var relay = new TcpRelay(target: 10002);
        var storage = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{relay.Port}/devstoreaccount1;");
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).With("AzureWebJobsStorage", storage).Build());
        var productId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        var token = TestTokens.Create(roles: ["Admin"]);
        var order = new { product_id = productId, product_qty = 1, origin = "Storage down " + Guid.NewGuid() };

        using var down = await Send(app.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token, r => r.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        var downBody = await BodyAsync(down);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("STORAGE_UNAVAILABLE", downBody["error"]!["code"]!.GetValue<string>());
        Assert.NotNull(down.Headers.RetryAfter);
        Assert.DoesNotContain(DevAccountKey, downBody.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, odoo.Calls.Count("mrp.production", "create"));

        relay.Open();
        using var back = await Send(app.Client, HttpMethod.Post, "api/odoo/manufacturing-orders", order, token, r => r.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Created, back.StatusCode);
        Assert.Equal(1, odoo.Calls.Count("mrp.production", "create"));
    }

    [Fact]
    public async Task Sync_status_with_storage_unreachable_is_503_not_a_500()
    {
        await using var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "19.0" });
        await using var closed = new TcpRelay(target: 10002);
        var storage = string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};TableEndpoint=http://127.0.0.1:{closed.Port}/devstoreaccount1;");
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(odoo).With("AzureWebJobsStorage", storage).Build());

        using var response = await Send(app.Client, HttpMethod.Get, "api/sync/status", null, TestTokens.Create(roles: ["Admin"]));
        var body = await BodyAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("STORAGE_UNAVAILABLE", body["error"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain(DevAccountKey, body.ToJsonString(), StringComparison.Ordinal);
    }
}
