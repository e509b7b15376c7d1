using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;

namespace OdooFunctions.Functions.Tests.Dashboard;

/// <summary>The dashboard client against a handler: where its token may go when a page links to the next.</summary>
public sealed class DashboardOrdersClientTests
{
    [Theory]
    [InlineData("https://evil.example/api/orders?page=2")]
    [InlineData("//evil.example/api/orders?page=2")]
    [InlineData("http://dashboard.test:8443/api/orders?page=2")]
    [InlineData("https://dashboard.test:444/api/orders?page=2")]
    public async Task A_next_link_off_the_dashboards_scheme_host_and_port_fails_without_a_request_carrying_the_token(string next)
    {
        var handler = new OnePageHandler(next);
        using var http = new HttpClient(handler);
        var client = new DashboardOrdersClient(http, new FixedToken("dash-token-secret"),
            Options.Create(new DashboardOptions { ApiUrl = new Uri("https://dashboard.test:8443/api") }));

        var error = await Assert.ThrowsAsync<DashboardUnexpectedResponseException>(() => client.GetLinkedOrdersAsync());

        Assert.Contains("was not followed", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://dashboard.test:8443", error.Message, StringComparison.Ordinal);
        Assert.Equal(["https://dashboard.test:8443/api/orders?has_odoo_mo=true"], handler.Requested);
    }

    [Fact]
    public async Task A_next_link_on_the_same_origin_is_followed()
    {
        var handler = new OnePageHandler("https://dashboard.test:8443/api/orders?has_odoo_mo=true&page=2");
        using var http = new HttpClient(handler);
        var client = new DashboardOrdersClient(http, new FixedToken("dash-token-secret"),
            Options.Create(new DashboardOptions { ApiUrl = new Uri("https://dashboard.test:8443/api") }));

        var orders = await client.GetLinkedOrdersAsync();

        Assert.Equal(2, orders.Count);
        Assert.Equal(2, handler.Requested.Count);
    }

    private sealed class FixedToken(string token) : IDashboardApiToken
    {
        public ValueTask<string?> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(token);
    }

    /// <summary>Page 1 links to <c>next</c>; any later page is the last.</summary>
    private sealed class OnePageHandler(string next) : HttpMessageHandler
    {
        public List<string> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!.AbsoluteUri);
            var first = Requested.Count == 1;
            var body = new JsonObject
            {
                ["success"] = true,
                ["data"] = new JsonArray(new JsonObject { ["_id"] = "o" + Requested.Count, ["odoo_mo_id"] = Requested.Count, ["status"] = "pending", ["qty_produced"] = 0 }),
                ["pagination"] = new JsonObject { ["next"] = first ? next : null },
            };
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            });
        }
    }
}
