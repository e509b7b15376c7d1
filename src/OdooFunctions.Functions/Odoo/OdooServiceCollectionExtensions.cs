using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

public static class OdooAppServiceCollectionExtensions
{
    /// <summary>
    /// The one shared Odoo client and its typed clients, with their settings (<see cref="OdooSettings"/>) bound and
    /// checked at start; the idempotent create's options are made from the same settings.
    /// </summary>
    public static IServiceCollection AddOdooServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OdooSettings>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<OdooSettings>>(new OdooSettingsValidator(configuration));

        // Made from the settings above.
        services.AddOdooClient(static _ => { });
        services.AddOptions<OdooClientOptions>().Configure<IOptions<OdooSettings>>(static (options, settings) => settings.Value.ApplyTo(options));
        services.AddOptions<IdempotencyOptions>().Configure<IOptions<OdooSettings>>(static (options, settings) => settings.Value.ApplyTo(options));
        return services;
    }
}
