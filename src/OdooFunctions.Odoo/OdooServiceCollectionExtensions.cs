using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Odoo.Wire;

namespace Microsoft.Extensions.DependencyInjection;

public static class OdooServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="OdooClient"/> as a singleton over a named HttpClient with pooled connections and the
    /// Odoo resilience pipeline, the typed model clients over it, and the validated <see cref="OdooClientOptions"/>. The app registers the
    /// <see cref="IOdooApiKeyProvider"/> itself.
    /// </summary>
    public static IServiceCollection AddOdooClient(this IServiceCollection services, Action<OdooClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<OdooClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OdooClientOptions>, OdooClientOptionsValidator>());

        services.AddHttpClient(OdooClient.HttpClientName, static (sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<OdooClientOptions>>().Value;
                // Both also bound reading the body, which happens after the resilience handlers have returned: the
                // body is buffered by HttpClient, which stops at the cap instead of reading the rest.
                http.Timeout = options.TotalTimeout;
                http.MaxResponseContentBufferSize = options.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // The client is a singleton: the handler recycles connections itself so DNS changes are seen.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own request logging is replaced by the client's "Odoo" log: its header redaction only
            // covers the formatted message, while the structured state still enumerates the raw bearer header.
            .RemoveAllLoggers()
            .AddResilienceHandler("odoo", static (builder, context) =>
                OdooResilience.Configure(
                    builder,
                    context.ServiceProvider.GetRequiredService<IOptions<OdooClientOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<OdooCallGate>()));
        // One gate per container: every pipeline the factory builds for the client shares the same bound.
        services.TryAddSingleton(static sp => new OdooCallGate(sp.GetRequiredService<IOptions<OdooClientOptions>>().Value));

        services.TryAddSingleton(static sp => new OdooClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(OdooClient.HttpClientName),
            sp.GetRequiredService<IOptions<OdooClientOptions>>().Value,
            sp.GetRequiredService<IOdooApiKeyProvider>(),
            sp.GetService<ILoggerFactory>()));

        // The typed model clients: one per model, all over the one client.
        services.TryAddSingleton(static sp => new ManufacturingOrderClient(sp.GetRequiredService<OdooClient>()));
        services.TryAddSingleton(static sp => new ProductClient(sp.GetRequiredService<OdooClient>()));
        services.TryAddSingleton(static sp => new PartnerClient(sp.GetRequiredService<OdooClient>()));
        services.TryAddSingleton(static sp => new StockQuantClient(sp.GetRequiredService<OdooClient>()));
        return services;
    }
}
