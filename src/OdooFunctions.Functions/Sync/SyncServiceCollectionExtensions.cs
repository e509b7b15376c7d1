using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.Contract;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Settings;
using static OdooFunctions.Functions.Contract.ApiErrorCodes;

namespace OdooFunctions.Functions.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The order-status sync, with its settings (<see cref="StatusSyncOptions"/>, the timer's schedule among them) bound and checked at start: the run
    /// store and the lease (on the app's <c>TableServiceClient</c>); the run itself. It talks to the dashboard through the
    /// dashboard part (<c>AddDashboard</c>, registered before it).
    /// </summary>
    public static IServiceCollection AddStatusSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StatusSyncOptions, StatusSyncOptionsValidator>(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<SyncLease>();
        services.TryAddSingleton<SyncPass>();
        services.TryAddSingleton<StatusSync>();

        services.AddErrorAnswer<SyncAlreadyRunningException>(409, Conflict, ex => ex.Message);
        // The run has logged its failure; the answer carries its record.
        services.AddErrorAnswer<SyncFailedException>((ex, _) =>
            new ApiErrorAnswer(FailedStatus(ex.Run.Failure), new ErrorEnvelope(ex.Message, new ApiError(SyncFailed)) { Data = ex.Run }, Logged: false));
        return services;
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
}
