using System.Collections.Concurrent;
using System.IO.Compression;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Doubles;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;
using OdooFunctions.Functions.Tests.Sync;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>
/// With <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> set, the real Azure Monitor exporter sends the app's spans and
/// metrics to the ingestion endpoint it names (a loopback stand-in here, with a key instead of Entra ID), and nothing it
/// sends carries a secret.
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class AzureMonitorExportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_sync_runs_spans_and_metrics_reach_the_ingestion_endpoint_without_a_secret()
    {
        var received = new ConcurrentQueue<(string Path, string Item)>();
        await using var ingestion = await StartIngestionAsync(received);
        var jwtSecret = "jwt-secret-" + Guid.NewGuid().ToString("N");
        var webhookSecret = "hook-code-" + Guid.NewGuid().ToString("N");
        await using var context = await SyncTestContext.StartAsync(azurite, settings: new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = $"InstrumentationKey={Guid.NewGuid()};IngestionEndpoint={ingestion.Address}",
            ["AUTH_JWT_SECRET"] = jwtSecret,
            ["ODOO_WEBHOOK_SECRET"] = webhookSecret,
        }, configure: services => services.PostConfigure<AzureMonitorExporterOptions>(options =>
        {
            options.DisableOfflineStorage = true;
            // The exporter's default sampling (a rate limit on traces) would drop some of these spans at random.
            options.TracesPerSecond = null;
            options.SamplingRatio = 1F;
        }));
        var tracer = context.Services.GetRequiredService<TracerProvider>();
        var meter = context.Services.GetRequiredService<MeterProvider>();
        context.Dashboard.Orders.Add(context.AddMo("done"), "pending", 0);

        var run = await context.RunAsync();
        Assert.True(tracer.ForceFlush(10_000));
        Assert.True(meter.ForceFlush(10_000));

        Assert.Equal((SyncOutcome.Succeeded, 1), (run.Outcome, run.Patched));
        var items = received.Select(r => r.Item).ToList();
        Assert.All(received, r => Assert.EndsWith("/track", r.Path, StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("\"Status sync\"", StringComparison.Ordinal) && i.Contains("\"sync.outcome\":\"succeeded\"", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("\"Odoo mrp.production.search_read\"", StringComparison.Ordinal) && i.Contains("\"odoo.outcome\":\"ok\"", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("\"Dashboard PATCH /orders/{id}\"", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("odoofunctions.sync.runs", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("odoo.client.call.duration", StringComparison.Ordinal));

        var secrets = new Dictionary<string, string>
        {
            ["the Odoo API key"] = context.Odoo.Options.ApiKey,
            ["the dashboard token"] = context.Dashboard.Options.Token,
            ["the JWT secret"] = jwtSecret,
            ["the webhook secret"] = webhookSecret,
        };
        Assert.Empty(TelemetryCapture.Leaks(items.Select(i => ("telemetry sent to Azure Monitor", i)), secrets));
    }

    /// <summary>Answers the exporter's <c>POST v2.1/track</c> as Application Insights does and keeps each item it was sent.</summary>
    private static async Task<Ingestion> StartIngestionAsync(ConcurrentQueue<(string Path, string Item)> received)
    {
        var web = LoopbackWebApp.CreateBuilder().Build();
        web.MapPost("/{**path}", async (HttpContext http) =>
        {
            var body = http.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(http.Request.Body, CompressionMode.Decompress)
                : http.Request.Body;
            using var reader = new StreamReader(body);
            var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                received.Enqueue((http.Request.Path.Value ?? "", line));
            }

            return Results.Json(new { itemsReceived = lines.Length, itemsAccepted = lines.Length, errors = Array.Empty<object>() });
        });
        return new Ingestion(web, await LoopbackWebApp.StartAsync(web));
    }

    private sealed class Ingestion(WebApplication web, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public ValueTask DisposeAsync() => web.DisposeAsync();
    }
}
