using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Tests.Push;

/// <summary>The webhook's code rides in the URL: nothing that logs request URLs may write it.</summary>
public sealed class WebhookCodeLoggingTests
{
    [Fact]
    public void The_request_log_category_that_writes_query_strings_is_off_below_warnings_in_the_worker_and_the_host()
    {
        using var provider = AppContainer.Build(TestSettings.Minimal().Build());

        var requestLog = provider.GetRequiredService<ILoggerFactory>().CreateLogger(OdooFunctionsApp.RequestLogCategory);

        Assert.False(requestLog.IsEnabled(LogLevel.Information));
        Assert.True(requestLog.IsEnabled(LogLevel.Warning));
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path())!, "host.json")))!["logging"]!;
        Assert.Equal("Warning", hostJson["logLevel"]![OdooFunctionsApp.RequestLogCategory]!.GetValue<string>());
        // The host's dependency telemetry records the worker-bound URL with its query (azure-functions-host#11602).
        Assert.False(hostJson["applicationInsights"]!["enableDependencyTracking"]!.GetValue<bool>());
    }
}
