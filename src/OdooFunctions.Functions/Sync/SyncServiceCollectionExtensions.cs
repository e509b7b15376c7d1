using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace OdooFunctions.Functions.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// The order-status sync, with its settings (<see cref="StatusSyncSettings"/>) bound and checked at start: the
    /// dashboard client; the run store (on the app's <c>TableServiceClient</c>); the run itself.
    /// A missing <c>DASHBOARD_API_URL</c> does not stop the host (the Odoo endpoints work without it); each run then
    /// fails with that message in its record.
    /// </summary>
    public static IServiceCollection AddStatusSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StatusSyncSettings>().Bind(configuration).ValidateDataAnnotations()
            .Validate(s => s.DashboardApiUri is not { } url || url.Scheme is "http" or "https", "DASHBOARD_API_URL must be an absolute http(s) URL")
            .ValidateOnStart();
        services.AddOptions<StatusSyncOptions>().Configure<IOptions<StatusSyncSettings>>(static (options, settings) => settings.Value.ApplyTo(options));

        services.TryAddSingleton<IDashboardApiToken, StoredDashboardApiToken>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(DashboardOrdersClient.HttpClientName, static (sp, http) =>
                // HttpClient buffers the body after the handlers have returned, and stops at the cap.
                http.MaxResponseContentBufferSize = sp.GetRequiredService<IOptions<StatusSyncOptions>>().Value.MaxResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // One long-lived client (the sync is a singleton): the handler recycles connections so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(static _ => true)
            .AddResilienceHandler("dashboard", static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<StatusSyncOptions>>().Value;
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.DashboardReadRetries),
                    Delay = options.DashboardRetryDelay,
                    BackoffType = Polly.DelayBackoffType.Exponential,
                    UseJitter = true,
                };
                // A PATCH that timed out may have been applied; the next run's comparison is the safe retry.
                retry.DisableForUnsafeHttpMethods();
                builder.AddRetry(retry);
                builder.AddTimeout(options.DashboardTimeout);
            });
        services.TryAddSingleton(static sp => new DashboardOrdersClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(DashboardOrdersClient.HttpClientName),
            sp.GetRequiredService<IDashboardApiToken>(),
            sp.GetRequiredService<IOptions<StatusSyncOptions>>()));
        services.TryAddSingleton<SyncRunStore>();
        services.TryAddSingleton<SyncLease>();
        services.TryAddSingleton<StatusSync>();
        return services;
    }
}
