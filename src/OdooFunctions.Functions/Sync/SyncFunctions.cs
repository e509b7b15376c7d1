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
            ?? throw new SyncAlreadyRunningException();
        return run.Outcome == SyncOutcome.Failed
            ? throw new SyncFailedException(run)
            : ApiResponses.Item(run, run.Outcome == SyncOutcome.Partial ? "Sync completed with errors" : "Sync completed");
    }

    [Function("GetStatusSync")]
    public async Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sync/status")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = RequestReader.Limit(request, DefaultStatusLimit, MaxStatusLimit);
        var runs = await store.LatestAsync(limit, request.HttpContext.RequestAborted);
        return ApiResponses.List(runs);
    }
}
