using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Hosting;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary><c>/api/sync/run</c> and <c>/api/sync/status</c> over real HTTP, through the app's auth and error middleware.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SyncEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _table = AzuriteFixture.UniqueTableName("syncrunsapi");
    private OdooDoubleServer _odoo = null!;
    private DashboardDoubleServer _dashboard = null!;
    private FunctionsTestHost _app = null!;

    public async Task InitializeAsync()
    {
        _odoo = await OdooDoubleServer.StartAsync();
        _dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = "dash-" + Guid.NewGuid().ToString("N") });
        _app = await FunctionsTestHost.StartAsync(TestSettings.For(_odoo).WithDashboard(_dashboard)
            .With("SYNC_RUNS_TABLE", _table)
            .With("AUTH_READ_ROLES", "Admin,Manager,Viewer")
            .With("AUTH_WRITE_ROLES", "Admin,Manager")
            .Build());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _dashboard.DisposeAsync();
        await _odoo.DisposeAsync();
        await azurite.Tables.DeleteTableAsync(_table);
    }

    private string AddOrder(string state, string status)
    {
        var productId = _odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        return _dashboard.Orders.Add(_odoo.Store.AddManufacturingOrder(productId, 3, state), status);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role = "Admin") =>
        OdooAppFixture.Send(_app.Client, method, path, null, TestTokens.Create(roles: [role]));

    [Fact]
    public async Task A_manual_run_answers_its_record_and_status_lists_it_first()
    {
        var order = AddOrder("done", "in_progress");

        using var run = await SendAsync(HttpMethod.Post, "api/sync/run");
        var runBody = await OdooAppFixture.BodyAsync(run);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.True(runBody["success"]!.GetValue<bool>());
        Assert.Equal("manual", runBody["data"]!["trigger"]!.GetValue<string>());
        Assert.Equal(1, runBody["data"]!["patched"]!.GetValue<int>());
        Assert.Equal("completed", _dashboard.Orders.Get(order)!["status"]!.GetValue<string>());

        using var second = await SendAsync(HttpMethod.Post, "api/sync/run");
        var secondId = (await OdooAppFixture.BodyAsync(second))["data"]!["id"]!.GetValue<string>();
        using var status = await SendAsync(HttpMethod.Get, "api/sync/status?limit=5", role: "Viewer");
        var statusBody = await OdooAppFixture.BodyAsync(status);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(2, statusBody["count"]!.GetValue<int>());
        Assert.Equal(
            [secondId, runBody["data"]!["id"]!.GetValue<string>()],
            statusBody["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_manual_run_during_a_running_one_answers_409_in_the_envelope()
    {
        // One instance: the run in memory refuses it before the lease is asked (SyncAcrossInstancesTests: the lease, across instances).
        AddOrder("done", "pending");
        _dashboard.Latency = TimeSpan.FromSeconds(1);
        var running = _app.Services.GetRequiredService<StatusSync>().TryRunAsync(SyncTrigger.Timer);

        using var response = await SendAsync(HttpMethod.Post, "api/sync/run");
        var body = await OdooAppFixture.BodyAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal("CONFLICT", body["error"]!["code"]!.GetValue<string>());
        Assert.NotNull(await running);
    }

    [Fact]
    public async Task Running_a_sync_needs_a_write_role_and_a_token()
    {
        using var viewer = await SendAsync(HttpMethod.Post, "api/sync/run", role: "Viewer");
        using var anonymous = await OdooAppFixture.Send(_app.Client, HttpMethod.Post, "api/sync/run", null, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, _dashboard.Requests.Total);
    }

    [Fact]
    public async Task A_run_the_dashboard_fails_answers_502_with_success_false_and_the_run_record()
    {
        AddOrder("done", "pending");
        _dashboard.Faults.FailNextList(10, 503);

        using var run = await SendAsync(HttpMethod.Post, "api/sync/run");
        var body = await OdooAppFixture.BodyAsync(run);

        Assert.Equal(HttpStatusCode.BadGateway, run.StatusCode);
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.Equal("SYNC_FAILED", body["error"]!["code"]!.GetValue<string>());
        Assert.StartsWith("Sync failed: Dashboard API: GET /orders answered HTTP 503", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("failed", body["data"]!["outcome"]!.GetValue<string>());
        Assert.Equal("dashboard", body["data"]!["failure"]!.GetValue<string>());
        _dashboard.Faults.Clear();
    }

    [Fact]
    public async Task A_run_Odoo_does_not_answer_in_time_answers_504_with_the_run_record()
    {
        await using var app = await FunctionsTestHost.StartAsync(TestSettings.For(_odoo).WithDashboard(_dashboard)
            .With("SYNC_RUNS_TABLE", _table)
            .With("ODOO_TIMEOUT_SECONDS", "1")
            .Build());
        AddOrder("done", "pending");
        await app.Services.GetRequiredService<OdooFunctions.Odoo.OdooClient>().ConnectAsync();
        _odoo.Faults.FailNext(10, OdooFault.Hang, "search_read");
        try
        {
            using var run = await OdooAppFixture.Send(app.Client, HttpMethod.Post, "api/sync/run", null, TestTokens.Create(roles: ["Admin"]));
            var body = await OdooAppFixture.BodyAsync(run);

            Assert.Equal(HttpStatusCode.GatewayTimeout, run.StatusCode);
            Assert.False(body["success"]!.GetValue<bool>());
            Assert.Equal("timeout", body["data"]!["failure"]!.GetValue<string>());
            Assert.Equal(0, body["data"]!["patched"]!.GetValue<int>());
        }
        finally
        {
            _odoo.Faults.Clear();
        }
    }

    [Fact]
    public async Task Status_refuses_a_limit_outside_1_to_100_with_400()
    {
        using var response = await SendAsync(HttpMethod.Get, "api/sync/status?limit=500");
        var body = await OdooAppFixture.BodyAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("VALIDATION_ERROR", body["error"]!["code"]!.GetValue<string>());
    }
}
