using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// With <see cref="OdooDoubleOptions.MaxConcurrentCalls"/>, a call beyond the limit is answered as the real Odoo 19.0
/// answered when its connection pool was full (FaultRecordings/, a copy of shared/odoo-faults), and succeeds again
/// once fewer calls are in flight.
/// </summary>
public sealed class ConnectionLimitContractTests
{
    private static JsonObject PoolFull() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FaultRecordings", "19.0", "01-json2-search-read-pool-full.json")))!.AsObject();

    [Fact]
    public async Task A_call_beyond_the_connection_limit_gets_the_recorded_pool_full_page_and_the_next_one_succeeds()
    {
        var recording = PoolFull();
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { MaxConcurrentCalls = 1 });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.Faults.FailNext(1, OdooFault.Hang, "search_count");
        using var holder = new CancellationTokenSource();
        using var holding = Recorded(recording, server.Options.ApiKey);
        holding.RequestUri = new Uri("json/2/res.partner/search_count", UriKind.Relative);
        holding.Content = Json("""{"domain": []}""");
        var held = http.SendAsync(holding, holder.Token);
        for (var i = 0; i < 200 && server.Calls.Count("res.partner", "search_count") == 0; i++)
        {
            await Task.Delay(25);
        }

        using var replay = Recorded(recording, server.Options.ApiKey);
        using var refused = await http.SendAsync(replay);

        var expected = recording["response"]!.AsObject();
        Assert.Equal(expected["status"]!.GetValue<int>(), (int)refused.StatusCode);
        Assert.Equal(expected["headers"]!["Content-Type"]!.GetValue<string>(), string.Join(",", refused.Content.Headers.NonValidated["Content-Type"]));
        Assert.Equal(expected["body"]!.GetValue<string>(), await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, server.Calls.Count("product.product", "search_read"));
        Assert.Equal(1, server.PoolFullAnswers);
        Assert.Equal(2, server.MostInFlight);

        await holder.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        var status = 0;
        for (var i = 0; i < 200 && status != 200; i++)
        {
            using var again = Recorded(recording, server.Options.ApiKey);
            using var answer = await http.SendAsync(again);
            status = (int)answer.StatusCode;
            if (status != 200)
            {
                await Task.Delay(25);
            }
        }

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Without_a_limit_every_call_is_served_and_the_most_in_flight_is_counted()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Latency = TimeSpan.FromMilliseconds(200) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await http.GetAsync(new Uri("web/version", UriKind.Relative));
            return (int)response.StatusCode;
        }));

        Assert.All(answers, status => Assert.Equal(200, status));
        Assert.Equal(8, server.MostInFlight);
        Assert.Equal(0, server.PoolFullAnswers);
    }

    private static HttpRequestMessage Recorded(JsonObject recording, string apiKey)
    {
        var request = recording["request"]!.AsObject();
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(request["path"]!.GetValue<string>().TrimStart('/'), UriKind.Relative))
        {
            Content = Json(request["body"]!.ToJsonString()),
        };
        foreach (var (name, value) in request["headers"]!.AsObject())
        {
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.TryAddWithoutValidation(name, value!.GetValue<string>().Replace("<API_KEY>", apiKey, StringComparison.Ordinal));
            }
        }

        return message;
    }

    private static StringContent Json(string body)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }
}
