using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Sync;
using OdooFunctions.Functions.Tests.Infrastructure;

namespace OdooFunctions.Functions.Tests.Sync;

/// <summary>The two HTTP adapters, called directly (auth and the envelope middleware are tested with the app host).</summary>
[Collection(AzuriteGroup.Name)]
public class SyncFunctionsTests(AzuriteFixture azurite)
{
    private static HttpRequest Request(string method, string query = "")
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.QueryString = new QueryString(query);
        return http.Request;
    }

    private static SyncFunctions Functions(SyncTestContext context) =>
        ActivatorUtilities.CreateInstance<SyncFunctions>(context.Services);

    [Fact]
    public async Task A_manual_run_answers_its_record_in_the_envelope()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        context.Dashboard.Orders.Add(context.AddMo("cancel"), "pending");

        var result = Assert.IsType<ApiResult>(await Functions(context).RunAsync(Request("POST")));

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.ToJson()["success"]!.GetValue<bool>());
        var data = result.ToJson()["data"]!.AsObject();
        Assert.Equal("manual", data["trigger"]!.GetValue<string>());
        Assert.Equal(1, data["patched"]!.GetValue<int>());
        foreach (var field in new[] { "id", "started_at", "finished_at", "duration_ms", "linked", "read", "changed", "failed", "missing", "odoo_calls", "errors" })
        {
            Assert.True(data.ContainsKey(field), field);
        }
    }

    [Fact]
    public async Task Status_lists_the_latest_runs_newest_first()
    {
        await using var context = await SyncTestContext.StartAsync(azurite);
        var first = await context.RunAsync(SyncTrigger.Timer);
        var second = await context.RunAsync(SyncTrigger.Manual);
        var third = await context.RunAsync(SyncTrigger.Timer);

        var result = Assert.IsType<ApiResult>(await Functions(context).StatusAsync(Request("GET", "?limit=2")));
        var all = Assert.IsType<ApiResult>(await Functions(context).StatusAsync(Request("GET", "?limit=3")));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, result.ToJson()["count"]!.GetValue<int>());
        Assert.Equal([third.Id, second.Id], result.ToJson()["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        // The oldest run was left out by the limit only: with room for it, it comes last.
        Assert.Equal([third.Id, second.Id, first.Id], all.ToJson()["data"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(["timer", "manual", "timer"], all.ToJson()["data"]!.AsArray().Select(r => r!["trigger"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?limit=ten")]
    public async Task Status_refuses_a_limit_outside_1_to_100(string query)
    {
        await using var context = await SyncTestContext.StartAsync(azurite);

        var refusal = await Assert.ThrowsAsync<InvalidRequestException>(() => Functions(context).StatusAsync(Request("GET", query)));

        Assert.Equal(400, AppErrors.AnswerTo(refusal).Status);
        Assert.Contains("limit", refusal.Message, StringComparison.Ordinal);
    }
}
