using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Partners;
using OdooFunctions.Functions.Products;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Functions.Stock;

namespace OdooFunctions.Functions.Odoo;

public static class OdooAppServiceCollectionExtensions
{
    /// <summary>Most Odoo calls in flight per app instance (default 16); Odoo sees at most this × instances.</summary>
    public const string MaxConcurrentCallsSetting = "ODOO_MAX_CONCURRENT_CALLS";

    /// <summary>The one shared Odoo client and the services that read and change Odoo records for the dashboard.</summary>
    public static IServiceCollection AddOdooServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOdooClient(options =>
        {
            var settings = AppSettings.From(configuration);
            options.Url = Uri.TryCreate(settings.OdooUrl, UriKind.Absolute, out var url) ? url : null;
            options.Database = settings.OdooDatabase ?? "";
            options.Username = settings.OdooUsername ?? "";
            options.Protocol = settings.OdooProtocol;
            options.MaxResponseBytes = AppSettings.MaxResponseBytes(configuration);
            if (int.TryParse(configuration["ODOO_TIMEOUT_SECONDS"], out var seconds) && seconds > 0)
            {
                options.AttemptTimeout = TimeSpan.FromSeconds(seconds);
                options.TotalTimeout = TimeSpan.FromSeconds(seconds * 3);
            }

            // A call waits for a place under the bound as long as Odoo may take to answer it, then is refused (503).
            options.MaxQueueWait = options.AttemptTimeout;
            if (int.TryParse(configuration[MaxConcurrentCallsSetting], out var calls) && calls > 0)
            {
                options.MaxConcurrentCalls = calls;
            }
        });
        services.AddSingleton<OdooSchema>();
        services.AddSingleton<ShapedRecords>();
        services.AddSingleton<ProductCatalog>();
        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<StockLevels>();
        services.AddOptions<IdempotencyOptions>().Configure(options =>
        {
            if (int.TryParse(configuration[IdempotencyOptions.LeaseSetting], out var leaseSeconds) && leaseSeconds > 0)
            {
                options.Lease = TimeSpan.FromSeconds(leaseSeconds);
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CreateRecordStore>();
        services.AddSingleton<ManufacturingOrderService>();
        services.AddSingleton<ManufacturingOrderCreator>();
        services.AddSingleton<ManufacturingOrderWorkflow>();
        return services;
    }
}
