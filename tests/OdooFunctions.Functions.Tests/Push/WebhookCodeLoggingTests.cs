using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>The webhook's code rides in the URL: nothing that logs request URLs may write it.</summary>
public sealed class WebhookCodeLoggingTests
{
    [Fact]
    public void The_request_log_category_that_writes_query_strings_is_off_below_warnings_in_the_worker_and_the_host()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ODOO_URL"] = "http://127.0.0.1:1/",
            ["ODOO_DB"] = "db",
            ["ODOO_USERNAME"] = "api",
            ["ODOO_API_KEY"] = "key",
            ["AUTH_JWT_SECRET"] = "logging-test-secret-0123456789abcdef0123",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging(logging => logging.AddFakeLogging());
        services.AddOdooFunctions(configuration);
        using var provider = services.BuildServiceProvider();

        var requestLog = provider.GetRequiredService<ILoggerFactory>().CreateLogger(OdooFunctionsApp.RequestLogCategory);

        Assert.False(requestLog.IsEnabled(LogLevel.Information));
        Assert.True(requestLog.IsEnabled(LogLevel.Warning));
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path())!, "host.json")))!["logging"]!;
        Assert.Equal("Warning", hostJson["logLevel"]![OdooFunctionsApp.RequestLogCategory]!.GetValue<string>());
        // The host's dependency telemetry records the worker-bound URL with its query (azure-functions-host#11602).
        Assert.False(hostJson["applicationInsights"]!["enableDependencyTracking"]!.GetValue<bool>());
    }
}
