using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Settings;
using Polly;

namespace OdooFunctions.Functions.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard part, which the sync and the push both use, with its settings (<see cref="DashboardOptions"/>, and
    /// <c>MAX_RESPONSE_MB</c>) bound and checked at start: the REST client and its token; the index of what each order was
    /// last sent and its refresh gate (on the app's <c>TableServiceClient</c>). A missing <c>DASHBOARD_API_URL</c> does
    /// not stop the host (the Odoo endpoints work without it); each call then fails with that message.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DashboardOptions, DashboardOptionsValidator>(configuration);
        services.AddResponseLimit(configuration);
        services.AddInsecureUrlWarning<DashboardOptions>(static dashboard => dashboard.ApiUrl, "DASHBOARD_API_URL", "dashboard API token");

        services.TryAddSingleton<IDashboardApiToken, StoredDashboardApiToken>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(DashboardOrdersClient.HttpClientName, static (sp, http) =>
                // HttpClient buffers the body after the handlers have returned, and stops at the cap.
                http.MaxResponseContentBufferSize = sp.GetRequiredService<IOptions<ResponseLimitOptions>>().Value.MaxResponseBytes)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // One long-lived client (a singleton): the handler recycles connections so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RedactLoggedHeaders(static _ => true)
            .AddResilienceHandler("dashboard", static (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DashboardOptions>>().Value;
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, options.ReadRetries),
                    Delay = options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                };
                // A PATCH that timed out may have been applied; the next comparison is the safe retry.
                retry.DisableForUnsafeHttpMethods();
                builder.AddRetry(retry);
                builder.AddTimeout(options.Timeout);
            });
        services.TryAddSingleton(static sp => new DashboardOrdersClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(DashboardOrdersClient.HttpClientName),
            sp.GetRequiredService<IDashboardApiToken>(),
            sp.GetRequiredService<IOptions<DashboardOptions>>()));
        services.TryAddSingleton<LastSentIndex>();
        services.TryAddSingleton<IndexRefreshGate>();
        return services;
    }
}
