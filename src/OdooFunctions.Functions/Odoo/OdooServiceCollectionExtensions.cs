using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

public static class OdooAppServiceCollectionExtensions
{
    /// <summary>
    /// The one shared Odoo client and the services that read and change Odoo records for the dashboard, with their
    /// settings (<see cref="OdooSettings"/>) bound and checked at start.
    /// </summary>
    public static IServiceCollection AddOdooServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OdooSettings>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OdooSettings>>(new OdooSettingsValidator(configuration));

        // Made from the settings above.
        services.AddOdooClient(static _ => { });
        services.AddOptions<OdooClientOptions>().Configure<IOptions<OdooSettings>>(static (options, settings) => settings.Value.ApplyTo(options));
        services.AddOptions<IdempotencyOptions>().Configure<IOptions<OdooSettings>>(static (options, settings) => settings.Value.ApplyTo(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CreateRecordStore>();
        services.AddSingleton<ManufacturingOrderService>();
        services.AddSingleton<ManufacturingOrderCreator>();
        services.AddSingleton<UpdateStepRunner>();
        services.AddSingleton<ManufacturingOrderWorkflow>();
        return services;
    }
}
