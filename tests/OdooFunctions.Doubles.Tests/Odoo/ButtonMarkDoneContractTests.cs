using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Doubles.Odoo;
using Xunit.Abstractions;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// Replays the button_mark_done cases of the webhook recordings (groups 04, 05 and 10 of WebhookRecordings/, a copy
/// of /work/shared/odoo-webhooks) against a fresh double of the recorded version, call by call as they ran, and
/// checks every answer and the orders read back afterwards against what the real Odoo sent. The recorded databases
/// were not fresh, so their ids and names are replaced with the replay's as the replay learns them.
/// </summary>
public sealed partial class ButtonMarkDoneContractTests(ITestOutputHelper output)
{
    // The recordings' finished product and the double's seeded equivalent (the same Gear Pump, seeded with another code).
    private const string RecordedProductCode = "MFG-FG-001";
    private const string DoubleProductCode = "MFG-FG-1001";

    private static readonly string[] Groups = ["04", "05", "10"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "17.0", "19.0" })
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
        var calls = (from version in new[] { "17.0", "19.0" }
                     from file in Directory.GetFiles(Path.Combine(OdooWebhookRecording.Root, version), "*.json")
                     let name = Path.GetFileName(file)
                     where !name.Contains("-delivery", StringComparison.Ordinal)
                     let recording = OdooWebhookRecording.Load(version, name)
                     where recording.Method == "button_mark_done"
                     select recording).ToList();

        Assert.All(calls, c => Assert.Contains(c.FileName[..2], Groups));
        // 04-g, 05-f, 10-d3, 10-e3, 10-f3, 10-g3, 10-h4; 19.0 adds the admin's repeats 05-h and 10-f4.
        Assert.Equal(7, calls.Count(c => c.Version == "17.0"));
        Assert.Equal(9, calls.Count(c => c.Version == "19.0"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Button_mark_done_answers_and_leaves_the_orders_as_the_recorded_Odoo(string version, string group)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var replay = new Replay(server, OdooWebhookRecording.Group(version, group));
        foreach (var recording in replay.Recordings)
        {
            if (recording.Model == "stock.move")
            {
                // 10-h3 sets a component move off the BoM; the double has no stock moves, 10-h4 asks for the warning with the fault.
                output.WriteLine($"{recording}: not replayed (the double models no stock moves)");
                continue;
            }
            var fault = FaultFor(recording);
            if (fault is { } injected)
            {
                server.Faults.FailNext(1, injected, recording.Method);
            }
            var before = server.Store.All("mrp.production");

            using var response = await http.PostAsJsonAsync("jsonrpc", replay.Request(recording));
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{recording}{(fault is null ? "" : $" ({fault})")}: {text[..Math.Min(text.Length, 800)]}");

            Assert.Equal(200, (int)response.StatusCode);
            replay.AssertSameAnswer(recording, JsonNode.Parse(text)!.AsObject());
            if (fault is not null)
            {
                // Odoo rolled the call back (AccessError) or only asked (consumption warning): every order is as it was.
                Assert.Equal(0, server.Faults.Remaining);
                var after = server.Store.All("mrp.production");
                Assert.Equal(before.Count, after.Count);
                Assert.All(before.Zip(after), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second),
                    $"{recording}: changed {pair.First.ToJsonString()} into {pair.Second.ToJsonString()}"));
            }
        }
        replay.AssertOneProduct();
    }

    // What the recorded Odoo did that the double cannot come to by itself: 19.0's AccessError for the API user
    // (mrp_account reads analytic lines while splitting) and the consumption warning (a component move off the BoM).
    private static OdooFault? FaultFor(OdooWebhookRecording recording)
    {
        if (recording.Method != "button_mark_done")
        {
            return null;
        }
        if (recording.Response["error"] is JsonObject error && error["data"]?["name"]?.GetValue<string>() == "odoo.exceptions.AccessError")
        {
            return OdooFault.AnalyticAccessError;
        }
        return recording.Response["result"] is JsonObject action && action["res_model"]?.GetValue<string>() == "mrp.consumption.warning"
            ? OdooFault.ConsumptionWarning
            : null;
    }

    /// <summary>One group's replay: the recorded calls, and what the recorded ids and names are in the double.</summary>
    private sealed partial class Replay
    {
        private readonly OdooDoubleServer _server;
        private readonly long _apiUid;
        private readonly long _productId;
        private readonly HashSet<long> _recordedProducts = [];
        // Recorded MO id → the double's; the created MOs (not backorders) also by their recorded and replayed names.
        private readonly Dictionary<long, long> _orders = [];
        private readonly List<long> _created = [];
        private readonly Dictionary<long, string> _recordedNames;
        private readonly Dictionary<long, string> _replayNames = [];

        public Replay(OdooDoubleServer server, IReadOnlyList<OdooWebhookRecording> recordings)
        {
            _server = server;
            Recordings = recordings;
            _apiUid = recordings.First(r => r.Content["caller"]?.GetValue<string>() == "api user").Args[1]!.GetValue<long>();
            _productId = server.Store.All("product.product").Single(p => p["default_code"]?.ToString() == DoubleProductCode)["id"]!.GetValue<long>();
            // 17.0's MOs were named one number below their id (WH/MO/00030 is id 31); the recorder noted the names.
            _recordedNames = recordings.Select(r => r.Content["names_before"]).OfType<JsonObject>().SelectMany(names => names)
                .ToDictionary(p => long.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value!.GetValue<string>());
        }

        public IReadOnlyList<OdooWebhookRecording> Recordings { get; }

        /// <summary>
        /// The recorded request with the double's database, key and ids. The admin's repeats (19.0 05-h, 10-f4) run
        /// as the API user: the double has no other user, and without the fault it makes the backorder as admin did.
        /// </summary>
        public JsonObject Request(OdooWebhookRecording recording)
        {
            var body = (JsonObject)recording.Body.DeepClone();
            var args = body["params"]!["args"]!.AsArray();
            args[0] = _server.Options.Database;
            args[1] = _apiUid;
            args[2] = _server.Options.ApiKey;
            var positional = args[5]!.AsArray();
            switch (recording.Method)
            {
                case "search" when recording.Model == "product.product":
                    positional[0] = ProductDomain(positional[0]!.AsArray());
                    break;
                case "create":
                    foreach (var vals in positional[0] is JsonArray list ? list.Select(v => v!.AsObject()) : [positional[0]!.AsObject()])
                    {
                        _recordedProducts.Add(vals["product_id"]!.GetValue<long>());
                        vals["product_id"] = _productId;
                    }
                    break;
                case "search_read":
                    positional[0] = OrderDomain(positional[0]!.AsArray());
                    break;
                default:
                    positional[0] = Orders(positional[0]!.AsArray());
                    break;
            }
            if (args.Count > 6 && args[6]?["context"] is JsonObject context && context["mo_ids_to_backorder"] is JsonArray toBackorder)
            {
                context["mo_ids_to_backorder"] = Orders(toBackorder);
            }
            return body;
        }

        /// <summary>The recorded answer with the replay's ids (learnt from it where it names new records), compared whole.</summary>
        public void AssertSameAnswer(OdooWebhookRecording recording, JsonObject answer)
        {
            var expected = (JsonObject)recording.Response.DeepClone();
            if (recording.Response["result"] is { } result)
            {
                expected["result"] = ExpectedResult(recording, result, answer["result"]);
            }
            if (expected["error"]?["data"] is JsonObject data)
            {
                data["message"] = OrderIdsInText(data["message"]!.GetValue<string>());
                data["arguments"] = new JsonArray([.. data["arguments"]!.AsArray().Select(a => (JsonNode?)OrderIdsInText(a!.GetValue<string>()))]);
            }
            OdooJsonAssert.Same(expected, answer, recording.ToString());
        }

        public void AssertOneProduct() => Assert.True(_recordedProducts.Count <= 1, $"several recorded products: {string.Join(", ", _recordedProducts)}");

        private JsonNode? ExpectedResult(OdooWebhookRecording recording, JsonNode recorded, JsonNode? actual)
        {
            switch (recording.Method)
            {
                case "search" when recording.Model == "product.product":
                    foreach (var id in recorded.AsArray())
                    {
                        _recordedProducts.Add(id!.GetValue<long>());
                    }
                    return new JsonArray([.. recorded.AsArray().Select(_ => (JsonNode?)_productId)]);
                case "create":
                    LearnCreated(recorded, actual);
                    return recorded is JsonArray ids
                        ? new JsonArray([.. ids.Select(id => (JsonNode?)_orders[id!.GetValue<long>()])])
                        : _orders[recorded.GetValue<long>()];
                case "read" or "search_read":
                    return new JsonArray([.. recorded.AsArray().Select(row => (JsonNode?)ExpectedOrder(row!.AsObject()))]);
                default:
                    return recorded is JsonObject action ? ExpectedAction(action, actual) : recorded.DeepClone();
            }
        }

        private void LearnCreated(JsonNode recorded, JsonNode? actual)
        {
            List<long> recordedIds = recorded is JsonArray list ? [.. list.Select(id => id!.GetValue<long>())] : [recorded.GetValue<long>()];
            List<long> replayIds = actual switch
            {
                JsonArray array => [.. array.Select(id => id!.GetValue<long>())],
                JsonValue value when value.GetValueKind() == JsonValueKind.Number => [value.GetValue<long>()],
                _ => [],
            };
            Assert.Equal(recordedIds.Count, replayIds.Count);
            foreach (var (recordedId, replayId) in recordedIds.Zip(replayIds))
            {
                Assert.DoesNotContain(replayId, _orders.Values);
                _orders.Add(recordedId, replayId);
                _created.Add(recordedId);
                _replayNames[replayId] = _server.Store.Get("mrp.production", replayId)!["name"]!.GetValue<string>();
            }
        }

        private JsonObject ExpectedOrder(JsonObject recorded)
        {
            var row = (JsonObject)recorded.DeepClone();
            row["id"] = Order(recorded["id"]!.GetValue<long>());
            if (recorded["name"] is JsonValue name)
            {
                // The family's replayed name with the recorded suffix: WH/MO/00017-002 is the backorder of WH/MO/00017.
                var match = BackorderSuffix().Match(name.GetValue<string>());
                var family = match.Success ? match.Groups[1].Value : name.GetValue<string>();
                row["name"] = ReplayName(family) + (match.Success ? match.Groups[2].Value : "");
            }
            return row;
        }

        private JsonObject ExpectedAction(JsonObject recorded, JsonNode? actual)
        {
            Assert.True(actual is JsonObject, $"an action dict like {recorded.ToJsonString()} expected, got {actual?.ToJsonString() ?? "no result"}");
            var action = (JsonObject)recorded.DeepClone();
            if (action["xml_id"] is not null && action["id"] is JsonValue)
            {
                // The window action's own record id is the database's: 17.0's double serves 386 (odoo-recordings), this database 388.
                Assert.True(actual?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number && id.GetValue<long>() > 0, "the action has an id");
                action["id"] = actual!["id"]!.DeepClone();
            }
            if (recorded["res_model"]?.GetValue<string>() == "mrp.production" && recorded["res_id"] is JsonValue resId && resId.GetValue<long>() != 0)
            {
                // The action opens the new backorder: learn its id, the read-back checks what it is.
                var backorder = actual?["res_id"] is JsonValue replayed && replayed.GetValueKind() == JsonValueKind.Number ? replayed.GetValue<long>() : 0;
                Assert.True(backorder > 0 && !_orders.ContainsValue(backorder), $"res_id {actual?["res_id"]?.ToJsonString()} is not a new order");
                _orders.Add(resId.GetValue<long>(), backorder);
                action["res_id"] = backorder;
            }
            if (action["context"] is JsonObject context)
            {
                MapOrderIds(context);
            }
            return action;
        }

        // The ids of the orders in a wizard's context: default_mrp_production_ids, always_backorder_mo_ids, line mrp_production_id.
        private void MapOrderIds(JsonNode node)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        MapOrderIds(item);
                    }
                }
                return;
            }
            if (node is not JsonObject obj)
            {
                return;
            }
            foreach (var (key, value) in obj.ToList())
            {
                if (key == "mrp_production_id" && value is JsonValue id)
                {
                    obj[key] = Order(id.GetValue<long>());
                }
                else if (key is "default_mrp_production_ids" or "always_backorder_mo_ids" && value is JsonArray ids)
                {
                    obj[key] = Orders(ids);
                }
                else if (value is not null)
                {
                    MapOrderIds(value);
                }
            }
        }

        private static JsonArray ProductDomain(JsonArray domain) => new([.. domain.Select(term => (JsonNode?)(term is JsonArray { Count: 3 } t && t[0]!.GetValue<string>() == "default_code"
            ? new JsonArray("default_code", t[1]!.DeepClone(), t[2]!.GetValue<string>() == RecordedProductCode ? DoubleProductCode : t[2]!.DeepClone())
            : term?.DeepClone()))]);

        // ("id", "=", x), ("id", "in", [...]) and ("name", "=like", "<name>-%") as the recorder searched an order and its backorders.
        private JsonArray OrderDomain(JsonArray domain) => new([.. domain.Select(term => (JsonNode?)(term switch
        {
            JsonArray { Count: 3 } t when t[0]!.GetValue<string>() == "id" => new JsonArray("id", t[1]!.DeepClone(),
                t[2] is JsonArray ids ? Orders(ids) : Order(t[2]!.GetValue<long>())),
            JsonArray { Count: 3 } t when t[0]!.GetValue<string>() == "name" && t[2]!.GetValue<string>().EndsWith("-%", StringComparison.Ordinal) =>
                new JsonArray("name", t[1]!.DeepClone(), ReplayName(t[2]!.GetValue<string>()[..^2]) + "-%"),
            _ => term?.DeepClone(),
        }))]);

        private JsonArray Orders(JsonArray ids) => new([.. ids.Select(id => (JsonNode?)Order(id!.GetValue<long>()))]);

        private long Order(long recordedId) =>
            _orders.TryGetValue(recordedId, out var id) ? id : throw new InvalidOperationException($"recorded order {recordedId} has no replayed counterpart yet");

        private string RecordedName(long recordedId) => _recordedNames.GetValueOrDefault(recordedId) ?? $"WH/MO/{recordedId:00000}";

        private string ReplayName(string recordedName) =>
            _created.FirstOrDefault(id => RecordedName(id) == recordedName) is var id && id != 0
                ? _replayNames[_orders[id]]
                : throw new InvalidOperationException($"no replayed order for the recorded name {recordedName}");

        // "Expected singleton: mrp.production(46, 47, 48, 49, 50)" names the recorded ids.
        private string OrderIdsInText(string text) => RecordSet().Replace(text, m => "mrp.production(" + string.Join(", ",
            m.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => Order(long.Parse(id, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture))) + ")");

        [GeneratedRegex(@"^(.*)(-\d{3})$")]
        private static partial Regex BackorderSuffix();

        [GeneratedRegex(@"mrp\.production\(([\d, ]*)\)")]
        private static partial Regex RecordSet();
    }
}
