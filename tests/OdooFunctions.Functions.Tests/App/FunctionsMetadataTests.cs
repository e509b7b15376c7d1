
namespace OdooFunctions.Functions.Tests.App;

/// <summary>The Functions host serves what the Worker SDK wrote into functions.metadata: check every route, method and trigger.</summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string, string> HttpFunctions => new()
    {
        { "TestConnection", "GET", "odoo/test" },
        { "GetVersion", "GET", "odoo/version" },
        { "ListProducts", "GET", "odoo/products" },
        { "GetProduct", "GET", "odoo/products/{id}" },
        { "ListManufacturingOrders", "GET", "odoo/manufacturing-orders" },
        { "GetManufacturingOrder", "GET", "odoo/manufacturing-orders/{id}" },
        { "CreateManufacturingOrder", "POST", "odoo/manufacturing-orders" },
        { "UpdateManufacturingOrder", "PUT", "odoo/manufacturing-orders/{id}" },
        { "ListPartners", "GET", "odoo/partners" },
        { "ListStock", "GET", "odoo/stock" },
        { "OpenApiDocument", "GET", "openapi.json" },
        { "ApiReference", "GET", "docs" },
        { "ApiReferenceAsset", "GET", "docs/{*file}" },
        { "RunStatusSync", "POST", "sync/run" },
        { "GetStatusSync", "GET", "sync/status" },
        { "ReceiveMoWebhook", "POST", "odoo/webhooks/mrp-production" },
    };

    [Fact]
    public void The_push_processor_is_a_queue_trigger_on_the_WEBHOOK_QUEUE_setting_and_host_json_polls_an_idle_queue_every_second()
    {
        var trigger = Assert.Single(FunctionsMetadata.Load(), f => f.TriggerType == "queueTrigger");
        Assert.Equal("ProcessMoChange", trigger.Name);
        Assert.Equal("%WEBHOOK_QUEUE%", trigger.QueueName);

        var example = RepositoryRoot.Combine("local.settings.example.json");
        Assert.Equal("odoo-mo-changes", System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(example))!["Values"]!["WEBHOOK_QUEUE"]!.GetValue<string>());
        var queues = HostQueueSettings.Load();
        Assert.True(queues.MaxPollingInterval <= TimeSpan.FromSeconds(1), $"maxPollingInterval {queues.MaxPollingInterval}");
        Assert.Equal("base64", queues.MessageEncoding);
        Assert.InRange(queues.MaxDequeueCount, 2, 10);
    }

    [Fact]
    public void The_status_sync_is_a_timer_on_the_SYNC_SCHEDULE_setting_and_the_example_settings_run_it_every_five_minutes()
    {
        var timer = Assert.Single(FunctionsMetadata.Load(), f => f.TriggerType == "timerTrigger");
        Assert.Equal("StatusSyncTimer", timer.Name);
        Assert.Equal("%SYNC_SCHEDULE%", timer.Schedule);
        Assert.False(timer.RunOnStartup);

        var example = RepositoryRoot.Combine("local.settings.example.json");
        var values = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(example))!["Values"]!;
        Assert.Equal("0 */5 * * * *", values["SYNC_SCHEDULE"]!.GetValue<string>());
    }

    [Fact]
    public void Every_function_in_the_metadata_is_covered_by_these_tests()
    {
        var expected = HttpFunctions.Select(row => (string)row[0]).Append("StatusSyncTimer").Append("ProcessMoChange").Order();
        Assert.Equal(expected, FunctionsMetadata.Load().Select(f => f.Name).Order());
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Each_guide_endpoint_is_an_anonymous_http_trigger_on_its_route_and_method(string name, string method, string route)
    {
        var function = Assert.Single(FunctionsMetadata.Load(), f => f.Name == name);
        Assert.Equal("httpTrigger", function.TriggerType);
        Assert.Equal(route, function.Route);
        Assert.Equal([method], function.Methods);
        Assert.Equal("Anonymous", function.AuthLevel, ignoreCase: true);
    }

    [Fact]
    public void No_two_functions_share_a_route_and_method()
    {
        var pairs = FunctionsMetadata.Load().Where(f => f.Route is not null)
            .SelectMany(f => f.Methods.Select(m => $"{m} {f.Route}")).ToList();
        Assert.Equal(pairs.Count, pairs.Distinct().Count());
    }

    [Fact]
    public void Host_json_keeps_the_api_route_prefix()
    {
        var hostJson = Path.Combine(Path.GetDirectoryName(FunctionsMetadata.Path())!, "host.json");
        var prefix = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(hostJson))!["extensions"]!["http"]!["routePrefix"]!.GetValue<string>();
        Assert.Equal("api", prefix);
    }
}
