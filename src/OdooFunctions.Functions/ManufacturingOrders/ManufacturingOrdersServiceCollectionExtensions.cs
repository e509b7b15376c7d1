using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.ManufacturingOrders.Creating;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.ManufacturingOrders.Updating;

namespace OdooFunctions.Functions.ManufacturingOrders;

public static class ManufacturingOrdersServiceCollectionExtensions
{
    /// <summary>
    /// Reading, creating and updating manufacturing orders, over the typed Odoo client (<c>AddOdooServices</c>). The
    /// create's claims live in the app's Table storage; their <see cref="IdempotencyOptions"/> are bound with Odoo's
    /// settings, which they are read from.
    /// </summary>
    public static IServiceCollection AddManufacturingOrders(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManufacturingOrderService>();
        services.AddSingleton<CreateRecordStore>();
        services.AddSingleton<ManufacturingOrderCreator>();
        services.AddSingleton<UpdateStepRunner>();
        services.AddSingleton<ManufacturingOrderWorkflow>();
        return services;
    }
}
