using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Push;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>
/// The push path end to end: an Odoo double, a dashboard double, Azurite with a fresh queue and index table, and app
/// instances (each its own container, HTTP functions served over loopback, queue trigger run by <see cref="QueueTriggerHost"/>
/// with host.json's settings). Several instances share the storage, as 100 would.
/// </summary>
internal sealed class PushTestContext : IAsyncDisposable
{
    public const string Secret = "webhook-code-0f6b1d2e9a7c4b38";

    private readonly List<PushApp> _apps = [];

    private PushTestContext(OdooDoubleServer odoo, DashboardDoubleServer dashboard, Dictionary<string, string?> settings)
    {
        Odoo = odoo;
        Dashboard = dashboard;
        Settings = settings;
        ProductId = odoo.Store.All("product.product")[0]["id"]!.GetValue<long>();
        Queues = new QueueServiceClient(AzuriteFixture.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public OdooDoubleServer Odoo { get; }

    public DashboardDoubleServer Dashboard { get; }

    public Dictionary<string, string?> Settings { get; }

    public long ProductId { get; }

    public QueueServiceClient Queues { get; }

    public string QueueName => Settings[PushOptions.QueueSetting]!;

    public QueueClient Queue => Queues.GetQueueClient(QueueName);

    public QueueClient Poison => Queues.GetQueueClient(QueueName + "-poison");

    public static async Task<PushTestContext> StartAsync(string version = "19.0", Dictionary<string, string?>? overrides = null)
    {
        await AzuriteFixture.EnsureRunningAsync();
        var odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, ApiKey = "odoo-" + Guid.NewGuid().ToString("N") });
        var dashboard = await DashboardDoubleServer.StartAsync(new DashboardDoubleOptions { Token = "dash-" + Guid.NewGuid().ToString("N") });
        var settings = TestSettings.For(odoo).WithDashboard(dashboard)
            .With("SYNC_RUNS_TABLE", AzuriteFixture.UniqueTableName("pushruns"))
            .With("PUSH_INDEX_TABLE", AzuriteFixture.UniqueTableName("pushindex"))
            .With(PushOptions.QueueSetting, "push-" + Guid.NewGuid().ToString("N")[..16])
            .With("ODOO_WEBHOOK_SECRET", Secret)
            .With(overrides)
            .Build();
        return new PushTestContext(odoo, dashboard, settings);
    }

    /// <summary>One more app instance on the same storage; <paramref name="processQueue"/> false serves HTTP only.</summary>
    public async Task<PushApp> StartAppAsync(bool processQueue = true, HostQueueSettings? queueSettings = null)
    {
        var http = await FunctionsTestHost.StartAsync(Settings);
        var queue = processQueue
            ? QueueTriggerHost.Start(http.Services, http.Services.GetRequiredService<IConfiguration>(), queueSettings)
            : null;
        var app = new PushApp(http, queue);
        _apps.Add(app);
        return app;
    }

    /// <summary>An MO in Odoo and a dashboard order linked to it showing <paramref name="status"/>.</summary>
    public (long MoId, string OrderId) AddLinkedOrder(string state, string status, double qtyProduced = 0)
    {
        var mo = Odoo.Store.AddManufacturingOrder(ProductId, 5, state);
        return (mo, Dashboard.Orders.Add(mo, status, qtyProduced));
    }

    /// <summary>Changes an MO in Odoo the way an RPC would (state and write_date), returning the payload Odoo would POST.</summary>
    public JsonObject ChangeInOdoo(long moId, string state, double? qtyProduced = null)
    {
        var values = new JsonObject { ["state"] = state };
        if (qtyProduced is { } qty)
        {
            values["qty_produced"] = qty;
        }

        Odoo.Store.Update("mrp.production", moId, values);
        // Odoo's payload carries microseconds; a read gives the same second without them.
        var micros = (DateTime.UtcNow.Ticks / 10 % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        Thread.Sleep(1);
        return Payload(moId, state, Odoo.Store.Get("mrp.production", moId)!["write_date"]!.GetValue<string>() + "." + micros);
    }

    /// <summary>A body shaped like the recorded deliveries (keys sorted, the rule's fields).</summary>
    public static JsonObject Payload(long moId, string state, string writeDate) => new()
    {
        ["_action"] = "Send MO to webhook receiver(#522)",
        ["_id"] = moId,
        ["_model"] = "mrp.production",
        ["id"] = moId,
        ["name"] = $"WH/MO/{moId:00000}",
        ["origin"] = false,
        ["product_qty"] = 5.0,
        ["qty_produced"] = 0.0,
        ["qty_producing"] = 0.0,
        ["state"] = state,
        ["write_date"] = writeDate,
    };

    public static async Task<HttpResponseMessage> PostWebhookAsync(PushApp app, JsonNode body, string? code = Secret)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        var path = "api/odoo/webhooks/mrp-production" + (code is null ? "" : "?code=" + Uri.EscapeDataString(code));
        return await app.Http.Client.PostAsync(path, content);
    }

    public string? StatusOf(string orderId) => Dashboard.Orders.Get(orderId)?["status"]?.GetValue<string>();

    public int PatchesOf(string orderId) => Dashboard.Requests.Patches().Count(p => p.PathAndQuery.EndsWith("/" + orderId, StringComparison.Ordinal));

    public async Task<int> QueuedAsync()
    {
        await Queue.CreateIfNotExistsAsync();
        return (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await Queue.DeleteIfExistsAsync();
        await Poison.DeleteIfExistsAsync();
        var tables = new Azure.Data.Tables.TableServiceClient(AzuriteFixture.ConnectionString);
        await tables.DeleteTableAsync(Settings["PUSH_INDEX_TABLE"]);
        await tables.DeleteTableAsync(Settings["SYNC_RUNS_TABLE"]);
        await Dashboard.DisposeAsync();
        await Odoo.DisposeAsync();
    }
}

/// <summary>One app instance: its HTTP functions and, unless HTTP only, its queue trigger.</summary>
internal sealed class PushApp(FunctionsTestHost http, QueueTriggerHost? queue) : IAsyncDisposable
{
    public FunctionsTestHost Http { get; } = http;

    public QueueTriggerHost? Queue { get; } = queue;

    public StatusSync Sync => Http.Services.GetRequiredService<StatusSync>();

    public LastSentIndex Index => Http.Services.GetRequiredService<LastSentIndex>();

    public async ValueTask DisposeAsync()
    {
        if (Queue is not null)
        {
            await Queue.DisposeAsync();
        }

        await Http.DisposeAsync();
    }
}
