using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.ManufacturingOrders;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Odoo;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary>
/// The app's real container (<see cref="AppContainer"/>) wired to a loopback Odoo double, a
/// loopback dashboard double and Azurite, with its own runs table. Fresh per test: call counts and faults must not leak.
/// </summary>
internal sealed class SyncTestContext : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SyncTestContext(OdooDoubleServer odoo, DashboardDoubleServer dashboard, ServiceProvider services, string table)
    {
        Odoo = odoo;
        Dashboard = dashboard;
        _services = services;
        Table = table;
        Sync = services.GetRequiredService<StatusSync>();
        Store = services.GetRequiredService<SyncRunStore>();
        Logs = services.GetFakeLogCollector();
        ProductId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
    }

    public OdooDoubleServer Odoo { get; }

    public DashboardDoubleServer Dashboard { get; }

    public StatusSync Sync { get; }

    public SyncRunStore Store { get; }

    public FakeLogCollector Logs { get; }

    public string Table { get; }

    public long ProductId { get; }

    public IServiceProvider Services => _services;

    public static async Task<SyncTestContext> StartAsync(
        AzuriteFixture azurite, int? batchSize = null, DashboardDoubleOptions? dashboardOptions = null, string? dashboardToken = null,
        Dictionary<string, string?>? settings = null, string odooVersion = "19.0", Action<IServiceCollection>? configure = null)
    {
        // Keys unlike the demo ones, so that a leak cannot hide behind a well-known value.
        var odooKey = "odoo-" + Guid.NewGuid().ToString("N");
        var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { ApiKey = odooKey, Version = odooVersion });
        dashboardOptions ??= new DashboardDoubleOptions();
        dashboardOptions.Token = "dash-" + Guid.NewGuid().ToString("N");
        var dashboard = await DashboardDoubleServer.StartAsync(dashboardOptions);
        var table = AzuriteFixture.UniqueTableName("syncruns");
        var values = TestSettings.For(odoo).WithDashboard(dashboard)
            .With("AUTH_JWT_SECRET", "jwt-secret-" + Guid.NewGuid().ToString("N"))
            .With("DASHBOARD_API_TOKEN", dashboardToken ?? dashboardOptions.Token)
            .With("SYNC_BATCH_SIZE", batchSize?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("SYNC_RUNS_TABLE", table)
            .With(settings)
            .Build();
        var services = AppContainer.Build(values, services =>
        {
            services.AddSingleton<IOdooApiKeyProvider>(new StaticOdooApiKeyProvider(odooKey));
            services.PostConfigure<OdooClientOptions>(options => options.RetryBaseDelay = TimeSpan.FromMilliseconds(5));
            services.PostConfigure<DashboardOptions>(options => options.RetryDelay = TimeSpan.FromMilliseconds(5));
            configure?.Invoke(services);
        }, LogLevel.Debug);
        return new SyncTestContext(odoo, dashboard, services, table);
    }

    /// <summary>A manufacturing order in Odoo in <paramref name="state"/>, optionally with a produced quantity.</summary>
    public long AddMo(string state, double? qtyProduced = null)
    {
        var id = Odoo.Store.AddManufacturingOrder(ProductId, 10, state);
        if (qtyProduced is { } qty)
        {
            Odoo.Store.Update("mrp.production", id, new JsonObject { ["qty_produced"] = qty });
        }

        return id;
    }

    /// <summary>An MO and a dashboard order already in step with it; returns the order's <c>_id</c>.</summary>
    public string AddSyncedOrder(string state, double qtyProduced = 0) =>
        Dashboard.Orders.Add(AddMo(state, qtyProduced), OrderStatus.For(MoState.Parse(state)), qtyProduced);

    public async Task<SyncRun> RunAsync(string trigger = SyncTrigger.Manual) =>
        await Sync.TryRunAsync(trigger) ?? throw new InvalidOperationException("A run was already in progress.");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().DeleteTableAsync(Table);
        }
        finally
        {
            await _services.DisposeAsync();
            await Dashboard.DisposeAsync();
            await Odoo.DisposeAsync();
        }
    }
}
