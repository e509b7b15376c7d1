using Microsoft.Extensions.DependencyInjection;

namespace OdooFunctions.Odoo;

// Placeholder until the client implementation lands (branch `client`): it replaces this file.
public static class OdooServiceCollectionExtensions
{
    public static IServiceCollection AddOdooClient(this IServiceCollection services, Action<OdooClientOptions> configure)
    {
        services.Configure(configure);
        return services;
    }
}
