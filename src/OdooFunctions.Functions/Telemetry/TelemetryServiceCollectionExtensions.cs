using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Odoo;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OdooFunctions.Functions.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// OpenTelemetry for the worker: the Functions worker's defaults (its invocation spans, the resource), the Odoo client's
    /// and the app's spans and meters (<see cref="OdooClient.ActivitySourceName"/>, <see cref="AppTelemetry.ActivitySourceName"/>),
    /// HttpClient's spans and metrics with URLs cut before their query (<see cref="UrlRedactionProcessor"/>). Exported to
    /// Azure Monitor only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, with the managed identity when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c> (the template's component accepts
    /// nothing else). Logs keep going to the Functions host as before.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        var export = !string.IsNullOrWhiteSpace(connectionString);
        var credential = export ? ExporterCredential(configuration) : null;

        var telemetry = services.AddOpenTelemetry();
        telemetry.UseFunctionsWorkerDefaults();
        telemetry
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(OdooClient.ActivitySourceName, AppTelemetry.ActivitySourceName)
                    .AddHttpClientInstrumentation()
                    // Before any exporter: processors run in the order they are added.
                    .AddProcessor(new UrlRedactionProcessor());
                if (export)
                {
                    tracing.AddAzureMonitorTraceExporter(options => Configure(options, connectionString!, credential));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(OdooClient.MeterName, AppTelemetry.MeterName)
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddAzureMonitorMetricExporter(options => Configure(options, connectionString!, credential));
                }
            });
        return services;
    }

    /// <summary>The managed identity for the exporter (see <see cref="ExporterIdentity"/>), or null to use the connection string's key.</summary>
    internal static TokenCredential? ExporterCredential(IConfiguration configuration) =>
        ExporterIdentity(configuration) is { } identity
            ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = identity.ClientId })
            : null;

    /// <summary>
    /// The managed identity when the authentication string asks for Entra ID (<c>Authorization=AAD</c>): its client id from
    /// <c>AZURE_CLIENT_ID</c>, else the string's own <c>ClientId</c>, else none (the system-assigned identity). Null
    /// without Entra ID (the connection string's key is used).
    /// </summary>
    internal static ManagedIdentity? ExporterIdentity(IConfiguration configuration)
    {
        var parts = (configuration[AuthenticationStringSetting] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new ManagedIdentity(configuration["AZURE_CLIENT_ID"] is { Length: > 0 } id ? id : parts.GetValueOrDefault("ClientId"));
    }

    /// <summary>A managed identity: a user-assigned one by its client id, or the system-assigned one (null).</summary>
    internal sealed record ManagedIdentity(string? ClientId);

    private static void Configure(AzureMonitorExporterOptions options, string connectionString, TokenCredential? credential)
    {
        options.ConnectionString = connectionString;
        if (credential is not null)
        {
            options.Credential = credential;
        }
    }
}
