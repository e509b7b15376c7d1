using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// A loopback Odoo server (Kestrel on 127.0.0.1) that speaks JSON-RPC and, as 19.0, JSON-2 over an in-memory
/// store, faithful to the recordings of real Odoo 16.0, 17.0, 18.0 and 19.0 servers (what differs between them:
/// <see cref="OdooVersion"/>). Counts calls and injects faults. Automation
/// rules with a "Send Webhook Notification" action (created by the administrator over RPC, or with
/// <see cref="AddWebhookRule"/>) POST to their URL as the recorded servers did (<see cref="Webhooks"/>).
/// </summary>
public sealed class OdooDoubleServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly OdooJsonRpcEndpoint _jsonRpc;
    private readonly OdooJson2Endpoint _json2;
    private readonly OdooSeed _seed;
    private readonly OdooWebhookSender _webhookSender;
    private readonly byte[] _adminKey;
    private byte[] _apiKey;
    private long _latencyTicks;
    private int _inFlight;
    private int _mostInFlight;
    private int _poolFullAnswers;

    private OdooDoubleServer(WebApplication app, OdooDoubleOptions options)
    {
        _app = app;
        Options = options;
        _apiKey = Encoding.UTF8.GetBytes(options.ApiKey);
        _adminKey = Encoding.UTF8.GetBytes(options.AdminApiKey);
        Latency = options.Latency;
        Version = OdooVersion.Of(options.Version);
        Uid = options.Uid ?? Version.ApiUid;
        ApiUser = new OdooUser(Uid, "API Integration (C#)", IsAdmin: false, ReadsAnalyticLines: options.ApiUserReadsAnalyticLines);
        Store = new OdooRecordStore(Uid, ApiUser.Name);
        Log = new OdooServerLog(options.Database, options.LogWriter);
        _webhookSender = new OdooWebhookSender(Log, logsSuccess: Version.WebhookSuccessLogged, options.WebhookTimeout);
        var seed = OdooSeed.Load(Version);
        _seed = seed;
        if (options.Seed)
        {
            lock (Store.Gate)
            {
                seed.Fill(Store, Uid, options.Login);
            }
        }
        else
        {
            lock (Store.Gate)
            {
                Store.AddUnlocked("res.users", new() { ["id"] = OdooDoubleOptions.AdminUid, ["name"] = "Mitchell Admin", ["login"] = OdooDoubleOptions.AdminLogin });
                Store.AddUnlocked("res.users", new() { ["id"] = Uid, ["name"] = "API Integration (C#)", ["login"] = options.Login });
                seed.FillModelRegistry(Store);
            }
        }
        Wire = new OdooWire(Version);
        Orm = new OdooOrm(seed, Store, new OdooAutomation(Store, seed, options.SendWebhooks));
        Store.Orders = Orm;
        _jsonRpc = new OdooJsonRpcEndpoint(this);
        _json2 = new OdooJson2Endpoint(this);
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public OdooDoubleOptions Options { get; }

    public OdooRecordStore Store { get; }

    public OdooCallLog Calls { get; } = new();

    public OdooFaults Faults { get; } = new();

    /// <summary>Every webhook POST sent (or tried), in order; all of an RPC's are in before its answer is.</summary>
    public OdooWebhookLog Webhooks { get; } = new();

    /// <summary>What Odoo would have written to its log about webhooks ("Webhook call to ...", the failure warnings) and refused calls.</summary>
    public OdooServerLog Log { get; }

    /// <summary>Delay added to every call; can change while the server runs.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>The most calls that were in flight at once (version, JSON-RPC and JSON-2 calls), since start or <see cref="ResetInFlight"/>.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>Calls answered with the pool-full page because <see cref="OdooDoubleOptions.MaxConcurrentCalls"/> were in flight.</summary>
    public int PoolFullAnswers => Volatile.Read(ref _poolFullAnswers);

    /// <summary>Starts counting <see cref="MostInFlight"/> and <see cref="PoolFullAnswers"/> again.</summary>
    public void ResetInFlight()
    {
        Volatile.Write(ref _mostInFlight, Volatile.Read(ref _inFlight));
        Volatile.Write(ref _poolFullAnswers, 0);
    }

    /// <summary>Werkzeug's page for an unhandled exception, as Odoo 19.0 sent it for PoolError (shared/odoo-faults/19.0).</summary>
    internal const string InternalServerErrorPage =
        "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n";

    internal long Uid { get; }

    internal OdooUser ApiUser { get; }

    internal static OdooUser Admin { get; } = new(OdooDoubleOptions.AdminUid, "Mitchell Admin", IsAdmin: true);

    internal OdooWire Wire { get; }

    internal OdooOrm Orm { get; }

    /// <summary>The version the double speaks (<see cref="OdooDoubleOptions.Version"/>) and what sets it apart.</summary>
    public OdooVersion Version { get; }

    /// <summary>
    /// The seeded finished product with a bill of materials, whatever the version calls it: the Gear Pump GP-100
    /// (MFG-FG-1001 on 17.0 and 19.0, MFG-FG-001 on 16.0 and 18.0). Its orders get component moves.
    /// </summary>
    public long FinishedProductId => _seed.Boms.Keys.Min();

    public static async Task<OdooDoubleServer> StartAsync(OdooDoubleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OdooDoubleOptions();
        OdooVersion.Of(options.Version);
        var app = LoopbackWebApp.CreateBuilder(options.Port).Build();
        var server = new OdooDoubleServer(app, options);
        app.Run(server.HandleAsync);
        server.BaseAddress = await LoopbackWebApp.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>Replaces the accepted API key; the old one is rejected from now on, as Odoo rejects a revoked key.</summary>
    public void RotateApiKey(string newKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(newKey);
        Volatile.Write(ref _apiKey, Encoding.UTF8.GetBytes(newKey));
    }

    internal bool IsValidKey(string? key) =>
        key is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Volatile.Read(ref _apiKey));

    internal bool IsAdminKey(string? key) => key is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _adminKey);

    /// <summary>The user a login and key (or password) belong to: the API user or the administrator; null when they match neither.</summary>
    internal OdooUser? Authenticate(string? login, string? key) =>
        login == Options.Login && IsValidKey(key) ? ApiUser : login == OdooDoubleOptions.AdminLogin && IsAdminKey(key) ? Admin : null;

    /// <summary>The user of an execute_kw (uid and key) or a JSON-2 bearer key (uid null).</summary>
    internal OdooUser? UserFor(long? uid, string? key) =>
        (uid is null || uid == Uid) && IsValidKey(key) ? ApiUser : (uid is null || uid == Admin.Uid) && IsAdminKey(key) ? Admin : null;

    /// <summary>
    /// Installs the rule of the webhook recordings (03-c) as the administrator would create it over RPC: a
    /// base.automation on mrp.production with <paramref name="trigger"/> ("on_write"; also "on_create_or_write",
    /// "on_create") watching <paramref name="triggerFields"/> (default: state), with one inline "Send Webhook
    /// Notification" action that POSTs <paramref name="fields"/> (default: the recorded id, name, state, qty_produced,
    /// qty_producing, product_qty, write_date, origin) to <paramref name="url"/>. Waits for any writing call in flight.
    /// </summary>
    public OdooWebhookRule AddWebhookRule(string url, string trigger = "on_write", IEnumerable<string>? triggerFields = null, IEnumerable<string>? fields = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        if (!Version.HasWebhookAction)
        {
            throw new InvalidOperationException($"Odoo {Version.Name} has no \"Send Webhook Notification\" action (ir.actions.server.state has no 'webhook').");
        }
        using var transaction = Store.Begin();
        var rule = transaction.Run(() =>
        {
            var modelId = Store.Records("ir.model").First(m => m["model"]?.GetValue<string>() == "mrp.production")["id"]!.AsLong();
            JsonArray FieldIds(IEnumerable<string> names) => new([.. names.Select(name => (JsonNode?)(
                Store.Records("ir.model.fields").FirstOrDefault(f => f["name"]?.ToString() == name)?["id"]!.AsLong()
                ?? throw new ArgumentException($"mrp.production has no field '{name}' in the double", nameof(fields))))]);
            var values = new JsonObject
            {
                ["name"] = "MO state to webhook receiver",
                ["model_id"] = modelId,
                ["trigger"] = trigger,
                ["trigger_field_ids"] = new JsonArray(new JsonArray(6, 0, FieldIds(triggerFields ?? ["state"]))),
                ["action_server_ids"] = new JsonArray(new JsonArray(0, 0, new JsonObject
                {
                    ["name"] = "Send MO to webhook receiver",
                    ["model_id"] = modelId,
                    ["state"] = "webhook",
                    ["usage"] = "base_automation",
                    ["webhook_url"] = url,
                    ["webhook_field_ids"] = new JsonArray(new JsonArray(6, 0, FieldIds(fields ?? ["id", "name", "state", "qty_produced", "qty_producing", "product_qty", "write_date", "origin"]))),
                })),
            };
            var schema = Orm.Schema("base.automation")!;
            var ruleId = OdooOrm.ExecuteKw(Admin, schema, Orm.Method(schema, "create", json2: false), new JsonArray(values), [])!.AsLong();
            var actionId = Store.Records("ir.actions.server").Single(a => a["base_automation_id"] is JsonArray r && r[0]!.AsLong() == ruleId)["id"]!.AsLong();
            return new OdooWebhookRule(ruleId, actionId);
        });
        transaction.Commit();
        return rule;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            UpdateMost(inFlight);
            if (Options.MaxConcurrentCalls is { } limit && inFlight > limit)
            {
                // Odoo takes a connection from its pool before it dispatches the call: a full pool fails it unrun.
                Interlocked.Increment(ref _poolFullAnswers);
                await OdooWire.Text(context, 500, "text/html; charset=utf-8", InternalServerErrorPage);
                return;
            }

            await ServeAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void UpdateMost(int inFlight)
    {
        var most = Volatile.Read(ref _mostInFlight);
        while (inFlight > most)
        {
            var seen = Interlocked.CompareExchange(ref _mostInFlight, inFlight, most);
            if (seen == most)
            {
                return;
            }

            most = seen;
        }
    }

    private async Task ServeAsync(HttpContext context)
    {
        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }
        var path = context.Request.Path.Value ?? "/";
        if (path == "/jsonrpc")
        {
            await _jsonRpc.HandleAsync(context);
        }
        else if (path.StartsWith("/json/2/", StringComparison.Ordinal))
        {
            await _json2.HandleAsync(context, path["/json/2/".Length..]);
        }
        else if (path is "/web/version" or "/json/version")
        {
            Calls.Record("http", "", path.TrimStart('/').Replace('/', '.'));
            var (answered, onCall) = await InjectFaultAsync(context, path.TrimStart('/').Replace('/', '.'));
            if (answered)
            {
                return;
            }
            if (!Version.HasJson2)
            {
                // /json/version is a JSON-2 route (18.0 redirects it to the login page); /web/version is gone before 19.0.
                await AnswerAsync(context, onCall, () => path == "/json/version" ? Wire.WithoutJson2(context) : Wire.NotFoundPage(context));
                return;
            }
            try
            {
                var version = RunCall(onCall, () => new System.Text.Json.Nodes.JsonObject
                {
                    ["version_info"] = Version.VersionInfo(),
                    ["version"] = Version.ServerVersion,
                });
                await AnswerAsync(context, onCall, () => OdooWire.Json(context, 200, version));
            }
            catch (OdooServerError error)
            {
                await AnswerAsync(context, onCall, () => Wire.Json2Error(context, error));
            }
        }
        else
        {
            await Wire.NotFoundPage(context);
        }
    }

    /// <summary>
    /// Takes the queued fault for <paramref name="method"/>. A fault that replaces the answer is written here
    /// (<c>Answered</c>); a fault that acts on the call itself (<see cref="OdooFault.DropAfterCommit"/>,
    /// <see cref="OdooFault.AnalyticAccessError"/>, <see cref="OdooFault.ConsumptionWarning"/>) comes back as
    /// <c>OnCall</c> for the endpoint to run the call with (<see cref="RunCall"/>, <see cref="AnswerAsync"/>).
    /// </summary>
    internal async Task<(bool Answered, OdooFault? OnCall)> InjectFaultAsync(HttpContext context, string method)
    {
        if (Faults.TakeFor(method) is not { } fault)
        {
            return (false, null);
        }
        switch (fault)
        {
            case OdooFault.DropAfterCommit or OdooFault.AnalyticAccessError or OdooFault.ConsumptionWarning:
                return (false, fault);
            case OdooFault.DropConnection:
                context.Abort();
                break;
            case OdooFault.Hang:
                using (var hang = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, hang.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        context.Abort();
                    }
                }
                break;
            case OdooFault.HtmlPage:
                await OdooWire.Text(context, 200, "text/html; charset=utf-8",
                    "<!DOCTYPE html>\n<html><head><title>Odoo is under maintenance</title></head>\n<body><h1>Service temporarily unavailable</h1><p>This database is being upgraded. Please try again later.</p></body></html>\n");
                break;
            case OdooFault.Status500:
                await OdooWire.Text(context, 500, "text/html; charset=utf-8", InternalServerErrorPage);
                break;
            default:
                var status = fault switch { OdooFault.Status502 => 502, OdooFault.Status503 => 503, _ => 504 };
                var title = status switch { 502 => "502 Bad Gateway", 503 => "503 Service Temporarily Unavailable", _ => "504 Gateway Time-out" };
                await OdooWire.Text(context, status, "text/html",
                    $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
                break;
        }
        return (true, null);
    }

    /// <summary>Runs a call that only reads, under the store's lock, on the committed state.</summary>
    internal T RunCall<T>(OdooFault? onCall, Func<T> call)
    {
        lock (Store.Gate)
        {
            var result = call();
            return onCall == OdooFault.AnalyticAccessError ? throw OdooServerError.AccessError(OdooOrm.AnalyticLineAccessError) : result;
        }
    }

    /// <summary>
    /// Runs one call as Odoo runs it: a reading call on the committed state (<see cref="RunCall"/>); a writing call in a
    /// transaction, with the webhooks its rules fired sent one after the other before the answer: 17.0 and 18.0 inside
    /// the transaction (a receiver reading back sees the old state), 19.0 after the commit (it sees the new one). With
    /// <see cref="OdooFault.AnalyticAccessError"/> the call runs (so that its own errors come first), then its changes
    /// are rolled back and the AccessError is raised, as Odoo raised it in the middle of the work. A webhook that
    /// fails never changes the call's outcome.
    /// </summary>
    internal async Task<T> RunCallAsync<T>(OdooFault? onCall, bool writes, Func<T> call)
    {
        if (!writes)
        {
            return RunCall(onCall, call);
        }
        using var transaction = await Store.BeginAsync(_stopping.Token);
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        try
        {
            result = transaction.Run(call);
            if (onCall == OdooFault.AnalyticAccessError)
            {
                throw OdooServerError.AccessError(OdooOrm.AnalyticLineAccessError);
            }
        }
        catch (OdooServerError error)
        {
            failure = ExceptionDispatchInfo.Capture(error);
        }
        if (!Version.WebhooksAfterCommit)
        {
            // Sent as the rules fired, before the commit: also those of a call that fails afterwards. Logged as sent.
            foreach (var webhook in transaction.Webhooks)
            {
                Webhooks.Add(await _webhookSender.SendAsync(webhook, logCall: true, _stopping.Token));
            }

            // The rest of the RPC after its rules fired (the recordings: commit 38 ms p50, up to 216 ms after the POST).
            if (transaction.Webhooks.Count > 0 && Options.CommitDelayAfterWebhooks > TimeSpan.Zero)
            {
                await Task.Delay(Options.CommitDelayAfterWebhooks, _stopping.Token);
            }
        }
        failure?.Throw();
        transaction.Commit();
        if (Version.WebhooksAfterCommit)
        {
            // Post-commit hooks: a rolled-back call sends (and logs) none; the next writing call may start meanwhile.
            // 19.0 logs each call as its rule fires, the outcome as it is sent (05-h: two "Webhook call to", two "succeeded").
            transaction.Dispose();
            foreach (var webhook in transaction.Webhooks)
            {
                Log.Write("INFO", OdooWebhookSender.Logger, $"Webhook call to {webhook.Url}");
            }
            foreach (var webhook in transaction.Webhooks)
            {
                Webhooks.Add(await _webhookSender.SendAsync(webhook, logCall: false, _stopping.Token));
            }
        }
        return result;
    }

    /// <summary>Writes the answer, or with <see cref="OdooFault.DropAfterCommit"/> aborts the connection instead (the call has run).</summary>
    internal static Task AnswerAsync(HttpContext context, OdooFault? onCall, Func<Task> write)
    {
        if (onCall == OdooFault.DropAfterCommit)
        {
            context.Abort();
            return Task.CompletedTask;
        }
        return write();
    }

    /// <summary>
    /// What Odoo's http layer logs for a failed call: Odoo's own exceptions at WARNING with the first line of their
    /// message (03-f: "odoo.http: You are not allowed to create ..."), others at ERROR (19.0 10-c, a ValueError).
    /// </summary>
    internal void LogFailure(OdooServerError error)
    {
        if (error.Name.StartsWith("werkzeug.", StringComparison.Ordinal) || error.Name == "odoo.exceptions.AccessDenied")
        {
            return;
        }
        if (error.Name.StartsWith("odoo.exceptions.", StringComparison.Ordinal))
        {
            Log.Write("WARNING", "odoo.http", error.Message.Split('\n')[0], trailingSpace: false);
        }
        else
        {
            Log.Write("ERROR", "odoo.http", "Exception during request handling.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
        }
        finally
        {
            await _app.DisposeAsync();
            _stopping.Dispose();
        }
    }
}
