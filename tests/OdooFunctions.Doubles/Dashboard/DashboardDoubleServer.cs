using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Dashboard;

/// <summary>
/// A loopback dashboard REST API (Kestrel on 127.0.0.1) under <c>/api</c>: <c>GET /api/orders?has_odoo_mo=true</c>
/// and <c>PATCH /api/orders/{_id}</c>, bearer token required, orders in memory, every request recorded,
/// faults and latency injectable.
/// </summary>
public sealed class DashboardDoubleServer : IAsyncDisposable
{
    private const string Prefix = "/api/orders";
    private readonly WebApplication _app;
    private long _latencyTicks;

    private DashboardDoubleServer(WebApplication app, DashboardDoubleOptions options)
    {
        _app = app;
        Options = options;
        Latency = options.Latency;
    }

    /// <summary>The API's base, <c>http://127.0.0.1:PORT/api/</c>: what <c>DASHBOARD_API_URL</c> is set to.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public DashboardDoubleOptions Options { get; }

    public DashboardOrderStore Orders { get; } = new();

    public DashboardRequestLog Requests { get; } = new();

    public DashboardFaults Faults { get; } = new();

    /// <summary>Delay added to every request; can change while the server runs.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    public static async Task<DashboardDoubleServer> StartAsync(DashboardDoubleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DashboardDoubleOptions();
        var app = LoopbackWebApp.CreateBuilder(options.Port).Build();
        var server = new DashboardDoubleServer(app, options);
        app.Run(server.HandleAsync);
        server.BaseAddress = new Uri(await LoopbackWebApp.StartAsync(app, cancellationToken), "api/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string? body = null;

        // Like a dashboard behind a WSGI server: only a body with Content-Length is read; a chunked one reads as empty.
        if (request.ContentLength is > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var status = await AnswerAsync(context, body);
        Requests.Record(new DashboardRequestRecord(request.Method, request.Path + request.QueryString, body, status, request.ContentLength, DateTimeOffset.UtcNow));
    }

    private async Task<int> AnswerAsync(HttpContext context, string? body)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!IsAuthorized(request.Headers.Authorization.ToString()))
        {
            return await ErrorAsync(context, 401, "UNAUTHORIZED", "Access denied. No valid token provided.");
        }

        if (HttpMethods.IsGet(request.Method) && path == Prefix)
        {
            return await ListAsync(context);
        }

        if (HttpMethods.IsPatch(request.Method) && path.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return await PatchAsync(context, Uri.UnescapeDataString(path[(Prefix.Length + 1)..]), body);
        }

        return await ErrorAsync(context, 404, "NOT_FOUND", "Route not found");
    }

    private bool IsAuthorized(string header)
    {
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(Options.Token));
    }

    private async Task<int> ListAsync(HttpContext context)
    {
        if (Faults.TakeListFailure() is { } failure)
        {
            return await ErrorAsync(context, failure, "SERVER_ERROR", "Internal server error");
        }

        switch (Faults.TakeGarbage())
        {
            case DashboardGarbage.HtmlPage:
                return await TextAsync(context, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\"></form></body></html>");
            case DashboardGarbage.TruncatedJson:
                return await TextAsync(context, 200, "application/json; charset=utf-8", "{\"success\":true,\"count\":3,\"data\":[{\"_id\":\"65a1");
            case DashboardGarbage.WrongShape:
                return await JsonAsync(context, 200, new JsonObject { ["success"] = true, ["data"] = new JsonObject { ["orders"] = "soon" } });
            case DashboardGarbage.DuplicateKey:
                return await TextAsync(context, 200, "application/json; charset=utf-8",
                    "{\"success\":true,\"count\":1,\"data\":[{\"_id\":\"65a1f0c2e4b0a1b2c3d4e5f6\",\"odoo_mo_id\":1,\"status\":\"pending\",\"status\":\"completed\"}]}");
        }

        var linkedOnly = string.Equals(context.Request.Query["has_odoo_mo"], "true", StringComparison.OrdinalIgnoreCase);
        var orders = linkedOnly ? Orders.Linked() : Orders.All();
        var size = Math.Max(1, Options.PageSize);
        var pages = Math.Max(1, (orders.Count + size - 1) / size);
        var page = int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        switch (Options.ListShape)
        {
            case DashboardListShape.BareArray:
                return await JsonAsync(context, 200, new JsonArray([.. orders]));
            case DashboardListShape.Envelope:
                return await JsonAsync(context, 200, new JsonObject { ["success"] = true, ["count"] = orders.Count, ["data"] = new JsonArray([.. orders]) });
            case DashboardListShape.PagedByNumber:
                return await JsonAsync(context, 200, new JsonObject
                {
                    ["success"] = true,
                    ["count"] = orders.Count,
                    ["data"] = new JsonArray([.. orders.Skip((page - 1) * size).Take(size)]),
                    ["page"] = page,
                    ["pages"] = pages,
                });
            default:
                return await JsonAsync(context, 200, new JsonObject
                {
                    ["success"] = true,
                    ["count"] = orders.Count,
                    ["data"] = new JsonArray([.. orders.Skip((page - 1) * size).Take(size)]),
                    ["next"] = page < pages ? $"orders?{(linkedOnly ? "has_odoo_mo=true&" : "")}page={page + 1}" : null,
                });
        }
    }

    private async Task<int> PatchAsync(HttpContext context, string id, string? body)
    {
        if (Faults.TakePatchFailure(id) is { } failure)
        {
            return await ErrorAsync(context, failure, "SERVER_ERROR", "Internal server error");
        }

        JsonObject values;
        try
        {
            values = JsonNode.Parse(body ?? "") as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return await ErrorAsync(context, 400, "VALIDATION_ERROR", "Body must be a JSON object");
        }

        if (!Orders.Update(id, values))
        {
            return await ErrorAsync(context, 404, "NOT_FOUND", "Order not found");
        }

        return await JsonAsync(context, 200, new JsonObject { ["success"] = true, ["message"] = "Order updated", ["data"] = Orders.Get(id) });
    }

    private static Task<int> ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonAsync(context, status, new JsonObject { ["success"] = false, ["message"] = message, ["error"] = new JsonObject { ["code"] = code } });

    private static Task<int> JsonAsync(HttpContext context, int status, JsonNode body) =>
        TextAsync(context, status, "application/json; charset=utf-8", body.ToJsonString());

    private static async Task<int> TextAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, Encoding.UTF8, context.RequestAborted);
        return status;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(grace.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
