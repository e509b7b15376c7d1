using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;

namespace OdooFunctions.Functions.Sync;

/// <summary><c>POST /api/sync/run</c> (write role) and <c>GET /api/sync/status</c> (read role).</summary>
public sealed class SyncFunctions(StatusSync sync, SyncRunStore store)
{
    public const int DefaultStatusLimit = 20;
    public const int MaxStatusLimit = 100;

    [Function("RunStatusSync")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sync/run")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await sync.TryRunAsync(SyncTrigger.Manual, request.HttpContext.RequestAborted)
            ?? throw ApiException.Conflict("A status sync is already running; try again when it has finished.");
        return ApiResponses.Item(ToJson(run), run.Outcome switch
        {
            SyncOutcome.Succeeded => "Sync completed",
            SyncOutcome.Partial => "Sync completed with errors",
            _ => "Sync failed",
        });
    }

    [Function("GetStatusSync")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sync/status")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = RequestReader.Limit(request, DefaultStatusLimit, MaxStatusLimit);
        var runs = await store.LatestAsync(limit, request.HttpContext.RequestAborted);
        return ApiResponses.List([.. runs.Select(ToJson)]);
    }

    internal static JsonObject ToJson(SyncRun run) =>
        JsonSerializer.SerializeToNode(run, SyncJsonContext.Default.SyncRun)!.AsObject();
}
