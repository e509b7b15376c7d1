using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Contract;

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
        if (run.Outcome == SyncOutcome.Failed)
        {
            // The run record still goes back, so the caller sees what was read and patched before it stopped.
            return ApiResponses.Error(FailedStatus(run.Failure), new ErrorEnvelope(
                $"Sync failed: {(run.Errors.Count > 0 ? run.Errors[0] : run.Failure)}", new ApiError(ApiErrorCodes.SyncFailed)) { Data = run });
        }

        return ApiResponses.Item(run, run.Outcome == SyncOutcome.Partial ? "Sync completed with errors" : "Sync completed");
    }

    /// <summary>502 when Odoo or the dashboard failed, 504 when one of them timed out, 503 without the dashboard token.</summary>
    internal static int FailedStatus(string? failure) => failure switch
    {
        SyncFailure.Timeout => StatusCodes.Status504GatewayTimeout,
        SyncFailure.Secret => StatusCodes.Status503ServiceUnavailable,
        SyncFailure.Cancelled => 499,
        SyncFailure.Unexpected => StatusCodes.Status500InternalServerError,
        _ => StatusCodes.Status502BadGateway,
    };

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
