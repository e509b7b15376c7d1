using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The order-status sync, with its settings (<see cref="StatusSyncSettings"/>) bound and checked at start: the run
    /// store and the lease (on the app's <c>TableServiceClient</c>); the run itself. It talks to the dashboard through the
    /// dashboard part (<c>AddDashboard</c>, registered before it).
    /// </summary>
    public static IServiceCollection AddStatusSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusSyncSettings>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StatusSyncOptions>().Configure<IOptions<StatusSyncSettings>>(static (options, settings) => settings.Value.ApplyTo(options));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<SyncLease>();
        services.TryAddSingleton<SyncPass>();
        services.TryAddSingleton<StatusSync>();
        return services;
    }
}
