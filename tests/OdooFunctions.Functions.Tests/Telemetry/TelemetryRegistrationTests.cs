using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Telemetry;
using OpenTelemetry.Trace;

namespace OdooFunctions.Functions.Tests.Telemetry;

/// <summary>How the worker registers OpenTelemetry: the exporter's credential, the worker host with and without Azure Monitor.</summary>
[Collection(TelemetryGroup.Name)]
public sealed class TelemetryRegistrationTests
{
    [Theory]
    [InlineData("Authorization=AAD", null, null)]
    [InlineData("Authorization=AAD", "66666666-7777-8888-9999-000000000000", "66666666-7777-8888-9999-000000000000")]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", null, "11111111-2222-3333-4444-555555555555")]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", "66666666-7777-8888-9999-000000000000", "66666666-7777-8888-9999-000000000000")]
    [InlineData(" clientid = x ; authorization = aad ", null, "x")]
    public void Entra_ID_in_the_authentication_string_gives_the_exporter_the_managed_identity_of_AZURE_CLIENT_ID_else_of_the_string(
        string authentication, string? azureClientId, string? expectedClientId)
    {
        var settings = Settings(new()
        {
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = authentication,
            ["AZURE_CLIENT_ID"] = azureClientId,
        });

        Assert.Equal(expectedClientId, TelemetryServiceCollectionExtensions.ExporterIdentity(settings)?.ClientId);
        Assert.NotNull(TelemetryServiceCollectionExtensions.ExporterIdentity(settings));
        Assert.IsType<DefaultAzureCredential>(TelemetryServiceCollectionExtensions.ExporterCredential(settings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555")]
    [InlineData("Authorization=Key")]
    public void Without_Entra_ID_the_exporter_gets_no_credential(string? authentication)
    {
        var settings = Settings(new()
        {
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = authentication,
            ["AZURE_CLIENT_ID"] = "66666666-7777-8888-9999-000000000000",
        });

        Assert.Null(TelemetryServiceCollectionExtensions.ExporterIdentity(settings));
        Assert.Null(TelemetryServiceCollectionExtensions.ExporterCredential(settings));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_worker_host_traces_the_apps_sources_and_exports_to_Azure_Monitor_only_with_its_connection_string(bool azureMonitor)
    {
        const string connectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";
        var settings = TestSettings.Minimal().Build();
        if (azureMonitor)
        {
            // Nothing listens there; the host is disposed before anything is exported.
            settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString;
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=AAD";
        }

        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOdooFunctions();
        // The exporter would otherwise make its folder for telemetry it could not send under the machine's temp.
        builder.Services.Configure<AzureMonitorExporterOptions>(options => options.DisableOfflineStorage = true);
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<TracerProvider>();

        // The app's spans are recorded: the tracer listens to the Odoo client's source and the app's own.
        using (var source = new System.Diagnostics.ActivitySource(OdooFunctions.Odoo.OdooClient.ActivitySourceName))
        using (var activity = source.StartActivity("probe"))
        {
            Assert.NotNull(activity);
        }

        var exporter = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);
        if (azureMonitor)
        {
            Assert.Equal(connectionString, exporter.ConnectionString);
            Assert.IsType<DefaultAzureCredential>(exporter.Credential);
        }
        else
        {
            Assert.Null(exporter.ConnectionString);
            Assert.Null(exporter.Credential);
        }
    }

    [Theory]
    [InlineData("https://acct.table.core.windows.net/Tables?sv=2024&sig=abc%2Bdef", "https://acct.table.core.windows.net/Tables")]
    [InlineData("http://127.0.0.1:7071/api/odoo/webhooks/mrp-production?code=*", "http://127.0.0.1:7071/api/odoo/webhooks/mrp-production")]
    [InlineData("https://user:pass@odoo.example.com/jsonrpc", "https://odoo.example.com/jsonrpc")]
    [InlineData("https://dash.example.com/api/orders#page=2", "https://dash.example.com/api/orders")]
    public void A_URL_loses_its_query_fragment_and_user_info(string url, string expected) =>
        Assert.Equal(expected, UrlRedactionProcessor.Redact(url));

    [Fact]
    public void A_URL_without_them_is_left_as_it_is()
    {
        const string url = "https://odoo.example.com/json/2/mrp.production/search_read";
        Assert.Same(url, UrlRedactionProcessor.Redact(url));
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
