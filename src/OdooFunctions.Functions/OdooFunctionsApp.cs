using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OdooFunctions.Functions.ApiReference;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.ManufacturingOrders;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Functions.Products;
using OdooFunctions.Functions.Push;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Telemetry;

namespace OdooFunctions.Functions;

/// <summary>
/// The app's parts, in one place: Program.cs and the in-process tests compose the same container from here.
/// </summary>
public static class OdooFunctionsApp
{
    /// <summary>
    /// Middleware in the order it runs (the worker and the in-process test host both run exactly this list):
    /// failures become envelopes, then the caller is checked.
    /// </summary>
    public static IReadOnlyList<Type> Middleware { get; } = [typeof(ApiErrorMiddleware), typeof(DashboardAuthMiddleware)];

    /// <summary>
    /// ASP.NET Core's request log writes each URL with its query string, and Odoo's webhook carries its secret there
    /// (<c>?code=</c>): the category stays quiet below warnings, in the worker here and in the host (host.json).
    /// </summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// Polly writes an Information line for every attempt, a second line beside the Odoo client's own for each call.
    /// Its retries and timeouts are Warnings, and they still show.
    /// </summary>
    public const string ResilienceLogCategory = "Polly";

    public static IServiceCollection AddOdooFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging(logging => logging
            .AddFilter(RequestLogCategory, LogLevel.Warning)
            .AddFilter(ResilienceLogCategory, LogLevel.Warning));
        // Each part binds and checks its own settings; a bad configuration is reported in this order, in one message
        // (SettingsCheck.CheckSettings, where the app starts).
        services.AddOdooServices(configuration);
        services.AddManufacturingOrders(configuration);
        services.AddSecrets(configuration);
        services.AddDashboardAuth(configuration);
        services.AddTableStorage(configuration);
        // The dashboard's client, statuses, reconciler and index, then the two triggers over them: the timer, Odoo's webhooks.
        services.AddDashboard(configuration);
        services.AddStatusSync(configuration);
        services.AddPush(configuration);
        services.AddTelemetry(configuration);
        services.AddProducts();
        services.AddApiReference();
        services.AddApiErrors();
        return services;
    }

    /// <summary>The whole app on the worker's builder: ASP.NET Core integration, the parts, the middleware.</summary>
    public static FunctionsApplicationBuilder AddOdooFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddOdooFunctions(builder.Configuration);
        foreach (var type in Middleware)
        {
            builder.Use(next => context =>
                ((IFunctionsWorkerMiddleware)context.InstanceServices.GetRequiredService(type)).Invoke(context, next));
        }

        return builder;
    }
}
