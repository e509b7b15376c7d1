using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;
using Xunit.Abstractions;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// Replays the button_mark_done cases of the webhook recordings (groups 04, 05 and 10 of WebhookRecordings/, a copy
/// of /work/shared/odoo-webhooks) against a fresh double of the recorded version and API user, call by call as they
/// ran (10-h3's component write too: 10-h4's consumption warning comes from the moves), and checks every answer and
/// the orders read back afterwards against what the real Odoo sent. The recorded databases
/// were not fresh, so their ids and names are replaced with the replay's as the replay learns them (<see cref="OdooWebhookReplay"/>).
/// </summary>
public sealed partial class ButtonMarkDoneContractTests(ITestOutputHelper output)
{
    private static readonly string[] Groups = ["04", "05", "10"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in OdooWebhookRecording.Versions)
        {
            foreach (var group in Groups)
            {
                data.Add(version, group);
            }
        }
        return data;
    }

    [Fact]
    public void Every_recorded_button_mark_done_is_in_a_replayed_group()
    {
        var calls = (from version in OdooWebhookRecording.Versions
                     from file in Directory.GetFiles(Path.Combine(OdooWebhookRecording.Root, version), "*.json")
                     let name = Path.GetFileName(file)
                     where !name.Contains("-delivery", StringComparison.Ordinal)
                     let recording = OdooWebhookRecording.Load(version, name)
                     where recording.Method == "button_mark_done"
                     select recording).ToList();

        Assert.All(calls, c => Assert.Contains(c.FileName[..2], Groups));
        // 04-g, 05-f, 10-d3, 10-e3, 10-f3, 10-g3, 10-h4; 19.0 adds the admin's repeats 05-h and 10-f4.
        Assert.Equal(7, calls.Count(c => c.Version == "17.0"));
        Assert.Equal(7, calls.Count(c => c.Version == "18.0"));
        Assert.Equal(9, calls.Count(c => c.Version == "19.0"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Button_mark_done_answers_and_leaves_the_orders_as_the_recorded_Odoo(string version, string group)
    {
        // The recorded API user had no accounting rights (19.0 refused it the backorder split, 05-f, 10-f3).
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, Database = OdooWebhookRecording.Database(version), ApiUserReadsAnalyticLines = false });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var replay = new OdooWebhookReplay(server, OdooWebhookRecording.Group(version, group));
        foreach (var recording in replay.Recordings)
        {
            var before = server.Store.All("mrp.production");

            using var response = await http.PostAsJsonAsync("jsonrpc", replay.Request(recording));
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{recording}: {text[..Math.Min(text.Length, 800)]}");

            Assert.Equal(200, (int)response.StatusCode);
            replay.AssertSameAnswer(recording, JsonNode.Parse(text)!.AsObject());
            if (recording.Method == "button_mark_done" && (recording.Response["error"] is not null || IsWizard(recording.Response["result"])))
            {
                // Odoo rolled the call back (AccessError) or only asked (a wizard): every order is as it was.
                var after = server.Store.All("mrp.production");
                Assert.Equal(before.Count, after.Count);
                Assert.All(before.Zip(after), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second),
                    $"{recording}: changed {pair.First.ToJsonString()} into {pair.Second.ToJsonString()}"));
            }
        }
        replay.AssertOneProduct();
    }

    // An action that asks a person (backorder, consumption warning), not one that shows the orders.
    private static bool IsWizard(JsonNode? result) => result is JsonObject action && action["res_model"]?.GetValue<string>() != "mrp.production";
}
