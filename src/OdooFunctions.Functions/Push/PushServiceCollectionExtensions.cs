using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OdooFunctions.Functions.Contract;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Settings;
using OdooFunctions.Functions.Storage;
using static OdooFunctions.Functions.Contract.ApiErrorCodes;

namespace OdooFunctions.Functions.Push;

public static class PushServiceCollectionExtensions
{
    /// <summary>
    /// The webhook path: receiver → queue (<c>WEBHOOK_QUEUE</c>) → processor, its settings (<see cref="PushOptions"/>)
    /// bound and checked at start. It finds and sends orders through the dashboard part (<c>AddDashboard</c>, registered before it).
    /// </summary>
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PushOptions, PushOptionsValidator>(configuration);

        services.AddQueueStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MoChangeQueueClient>();
        services.TryAddSingleton<IndexRefresh>();
        services.TryAddSingleton<OrderSender>();
        services.TryAddSingleton<MoChangeProcessor>();
        services.TryAddSingleton<MoChangeCoalescer>();

        services.AddErrorAnswer<WebhookCodeInvalidException>((ex, _) => new ApiErrorAnswer(401, new ErrorEnvelope(ex.Message, new ApiError(WebhookCodeInvalid)), Logged: false));
        services.AddErrorAnswer<InvalidWebhookPayloadException>(400, InvalidWebhook, ex => "Not an mrp.production webhook: " + ex.Message);
        return services;
    }
}
