using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Doubles.Odoo;
using Xunit.Abstractions;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// Replays the calls of the webhook recordings that authenticate and manage the automation rule (groups 02, 03 and the
/// rule writes and reads of 11; WebhookRecordings/ is a copy of /work/shared/odoo-webhooks) against a fresh double of
/// the recorded version, in order, and checks every answer against the real Odoo's: the model registry lookups, the
/// rule's create/read/write, the action's read with its sample payload, and the API user's AccessErrors. The rule's
/// action id is the database's (481 on 17.0, 518 on 18.0, 522 on 19.0): it is learnt from the double's answer to 03-d.
/// </summary>
public sealed partial class AutomationRuleContractTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> RuleModels = ["ir.model", "ir.model.fields", "base.automation", "ir.actions.server"];

    // The placeholders ("<API_KEY>") stay as they are in the text, to be replaced.
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Versions() => [.. OdooWebhookRecording.Versions];

    [Fact]
    public void Every_recorded_rule_call_is_replayed()
    {
        foreach (var version in OdooWebhookRecording.Versions)
        {
            var replayed = RuleCalls(version).Select(r => r.FileName).ToList();
            // 02-a, 02-b, 03-a..h, 11-a, 11-b, 11-e, 11-h.
            Assert.Equal(14, replayed.Count);
            var all = Directory.GetFiles(Path.Combine(OdooWebhookRecording.Root, version), "*.json")
                .Select(f => OdooWebhookRecording.Load(version, Path.GetFileName(f)))
                .Where(r => !r.FileName.Contains("-delivery", StringComparison.Ordinal) && (RuleModels.Contains(r.Model) || r.Body["params"]?["method"]?.ToString() == "authenticate"));
            Assert.All(all, r => Assert.Contains(r.FileName, replayed));
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Rule_calls_answer_as_the_recorded_Odoo(string version)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, Database = OdooWebhookRecording.Database(version) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var actionIds = new Dictionary<long, long>();
        foreach (var recording in RuleCalls(version))
        {
            var request = Request(server, recording, actionIds);
            using var response = await http.PostAsJsonAsync("jsonrpc", request);
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{recording}: {text[..Math.Min(text.Length, 1200)]}");
            var answer = JsonNode.Parse(text)!.AsObject();

            var expected = (JsonObject)recording.Response.DeepClone();
            if (expected["result"] is JsonArray rows && answer["result"] is JsonArray actualRows)
            {
                foreach (var (row, actual) in rows.Zip(actualRows))
                {
                    ExpectDoubleIds(recording, row!.AsObject(), actual!.AsObject(), actionIds);
                }
            }
            OdooJsonAssert.Same(expected, answer, recording.ToString());
        }
        // Both the rule and its action exist once, the rule with the recorded id, and the action belongs to the rule.
        var ruleId = OdooWebhookRecording.Load(version, "03-c-create-rule-admin.json").Response["result"]!.GetValue<long>();
        var action = Assert.Single(server.Store.All("ir.actions.server"));
        Assert.Equal(ruleId, Assert.Single(server.Store.All("base.automation"))["id"]!.GetValue<long>());
        Assert.Equal(ruleId, action["base_automation_id"]![0]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Refusals_are_logged_as_odoo_logs_them(string version)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, Database = OdooWebhookRecording.Database(version) });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var recording = OdooWebhookRecording.Load(version, "03-f-create-rule-api-user.json");
        using var _ = await http.PostAsJsonAsync("jsonrpc", Request(server, recording, []));

        var logged = Assert.Single(server.Log.Lines);
        var recorded = recording.Content["odoo_log"]![0]!.GetValue<string>();
        Assert.Equal(LogTail(recorded), LogTail(logged));
        Assert.Empty(server.Store.All("base.automation"));
    }

    [Fact]
    public async Task Odoo_16_has_no_webhook_action_its_fields_get_answers_as_recorded_and_creating_one_fails()
    {
        var recording = OdooWebhookRecording.Load("16.0", "01-a-fields-get-ir-actions-server-state.json");
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = "16.0", Database = recording.Args[0]!.GetValue<string>() });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using var response = await http.PostAsJsonAsync("jsonrpc", Request(server, recording, []));
        OdooJsonAssert.Same(recording.Response, JsonNode.Parse(await response.Content.ReadAsStringAsync()), recording.ToString());

        var modelId = server.Store.All("ir.model").Single(m => m["model"]!.GetValue<string>() == "mrp.production")["id"]!.GetValue<long>();
        var refused = await OdooRpc.ExecuteKwAsync(http, server.Options.AdminApiKey, OdooDoubleOptions.AdminUid, "ir.actions.server", "create",
            new JsonArray(new JsonObject { ["name"] = "Send MO to webhook receiver", ["model_id"] = modelId, ["state"] = "webhook", ["webhook_url"] = "http://127.0.0.1:9/hook" }),
            database: server.Options.Database);
        Assert.Equal(("builtins.ValueError", "Wrong value for ir.actions.server.state: 'webhook'"),
            (refused["error"]!["data"]!["name"]!.GetValue<string>(), refused["error"]!["data"]!["message"]!.GetValue<string>()));
        Assert.Throws<InvalidOperationException>(() => server.AddWebhookRule("http://127.0.0.1:9/hook"));
        Assert.Empty(server.Store.All("ir.actions.server"));
    }

    private static IEnumerable<OdooWebhookRecording> RuleCalls(string version) =>
        new[] { "02", "03", "11" }.SelectMany(group => OdooWebhookRecording.Group(version, group))
            .Where(r => RuleModels.Contains(r.Model) || r.Body["params"]?["method"]?.ToString() == "authenticate");

    /// <summary>The recorded request with the double's keys (the admin's password is the double's admin key) and action ids.</summary>
    internal static JsonObject Request(OdooDoubleServer server, OdooWebhookRecording recording, Dictionary<long, long> actionIds)
    {
        var text = recording.Body.ToJsonString(Relaxed)
            .Replace("<API_KEY>", server.Options.ApiKey, StringComparison.Ordinal)
            .Replace("<ADMIN_PASSWORD>", server.Options.AdminApiKey, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!.AsObject();
        var args = body["params"]!["args"]!.AsArray();
        if (recording.Model == "ir.actions.server" && args[5]![0] is JsonArray ids && ids.All(id => id is JsonValue v && v.GetValueKind() == JsonValueKind.Number))
        {
            args[5]![0] = new JsonArray([.. ids.Select(id => (JsonNode?)actionIds[id!.GetValue<long>()])]);
        }
        return body;
    }

    // The ids the recorded database gave the action, replaced with the double's (learnt from 03-d's action_server_ids);
    // the sample payload's record values are the double's seed, its write_date the seed's.
    private static void ExpectDoubleIds(OdooWebhookRecording recording, JsonObject row, JsonObject actual, Dictionary<long, long> actionIds)
    {
        if (row["action_server_ids"] is JsonArray recordedActions && actual["action_server_ids"] is JsonArray actualActions)
        {
            Assert.Equal(recordedActions.Count, actualActions.Count);
            foreach (var (recorded, replayed) in recordedActions.Zip(actualActions))
            {
                actionIds.TryAdd(recorded!.GetValue<long>(), replayed!.GetValue<long>());
            }
            row["action_server_ids"] = new JsonArray([.. recordedActions.Select(id => (JsonNode?)actionIds[id!.GetValue<long>()])]);
        }
        if (recording.Model == "ir.actions.server")
        {
            var recordedId = row["id"]!.GetValue<long>();
            row["id"] = actionIds[recordedId];
            if (row["webhook_sample_payload"] is JsonValue sample && actual["webhook_sample_payload"] is JsonValue actualSample)
            {
                var expectedText = sample.GetValue<string>().Replace($"(#{recordedId})", $"(#{actionIds[recordedId]})", StringComparison.Ordinal);
                var actualText = actualSample.GetValue<string>();
                Assert.Matches(SampleWriteDate(), actualText);
                row["webhook_sample_payload"] = SampleWriteDate().Replace(expectedText, "\"write_date\": \"<write_date>\"");
                actual["webhook_sample_payload"] = SampleWriteDate().Replace(actualText, "\"write_date\": \"<write_date>\"");
            }
        }
    }

    // "2026-12-01 18:29:13,963 28277 WARNING odoo_test odoo.http: You are not ..." from the level on.
    private static string LogTail(string line) => line[(line.IndexOf(" WARNING ", StringComparison.Ordinal) + 1)..];

    [GeneratedRegex("\"write_date\": \"\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?\"")]
    private static partial Regex SampleWriteDate();
}
