using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>
/// A replay of the webhook recordings (WebhookRecordings/, a copy of /work/shared/odoo-webhooks) against the double:
/// the recorded calls with the double's keys and ids, and the recorded answers with the ids and names the replay
/// learnt. The recorded databases were not fresh, so their MO ids and names are replaced as they come. Calls on the
/// rule models (base.automation, ...) keep their ids: a fresh double's first rule is 1, as the recorded one.
/// </summary>
internal sealed partial class OdooWebhookReplay
{
    /// <summary>The recordings' finished product (the Gear Pump; the double's 17.0 and 19.0 seeds have it as MFG-FG-1001).</summary>
    public const string RecordedProductCode = "MFG-FG-001";

    /// <summary>The rule's URL in the recordings (the receiver's port and code redacted).</summary>
    public const string RecordedWebhookUrl = "http://127.0.0.1:7071/api/odoo/webhooks/mrp-production?code=<WEBHOOK_CODE>";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly OdooDoubleServer _server;
    private readonly long _apiUid;
    private readonly long _productId;
    private readonly string _productCode;
    private readonly HashSet<long> _recordedProducts = [];
    // Recorded MO id → the double's; the created MOs (not backorders) also by their recorded and replayed names.
    private readonly Dictionary<long, long> _orders = [];
    private readonly List<long> _created = [];
    private readonly Dictionary<long, string> _recordedNames;
    private readonly Dictionary<long, string> _replayNames = [];

    public OdooWebhookReplay(OdooDoubleServer server, IReadOnlyList<OdooWebhookRecording> recordings)
    {
        _server = server;
        Recordings = recordings;
        _apiUid = recordings.First(r => r.Content["caller"]?.GetValue<string>() == "api user").Args[1]!.GetValue<long>();
        _productId = server.FinishedProductId;
        _productCode = server.Store.Get("product.product", _productId)!["default_code"]!.GetValue<string>();
        // 17.0's MOs were named one number below their id (WH/MO/00030 is id 31); the recorder noted the names.
        _recordedNames = recordings.Select(r => r.Content["names_before"]).OfType<JsonObject>().SelectMany(names => names)
            .ToDictionary(p => long.Parse(p.Key, CultureInfo.InvariantCulture), p => p.Value!.GetValue<string>());
    }

    public IReadOnlyList<OdooWebhookRecording> Recordings { get; }

    /// <summary>Where the replayed rule sends its webhooks (the recorded URL when null).</summary>
    public string? WebhookUrl { get; init; }

    public static bool IsAdminCall(OdooWebhookRecording recording) => recording.Content["caller"]?.GetValue<string>() == "admin";

    /// <summary>
    /// The recorded request with the double's database, key and ids; the admin's calls (the rule, and 19.0's repeats
    /// 05-h and 10-f4) as the double's administrator.
    /// </summary>
    public JsonObject Request(OdooWebhookRecording recording)
    {
        var body = (JsonObject)recording.Body.DeepClone();
        var args = body["params"]!["args"]!.AsArray();
        args[0] = _server.Options.Database;
        args[1] = IsAdminCall(recording) ? OdooDoubleOptions.AdminUid : _apiUid;
        args[2] = IsAdminCall(recording) ? _server.Options.AdminApiKey : _server.Options.ApiKey;
        if (recording.Model == "stock.move")
        {
            args[5]![0] = new JsonArray(ComponentMove(recording));
            return body;
        }
        if (recording.Model != "mrp.production" && recording.Model != "product.product")
        {
            return WebhookUrl is null ? body : JsonNode.Parse(body.ToJsonString(Relaxed).Replace(RecordedWebhookUrl, WebhookUrl, StringComparison.Ordinal))!.AsObject();
        }
        var positional = args[5]!.AsArray();
        switch (recording.Method)
        {
            case "search" or "search_read" when recording.Model == "product.product":
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
                LearnNamesFromDomain(recording, positional[0]!.AsArray());
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
        if (recording.Response["result"] is { } result && recording.Model is "mrp.production" or "product.product")
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

    /// <summary>
    /// Notes the name a recorded MO had when first seen (a webhook payload's _id and name): 17.0's MOs were named one
    /// number below their id, which the recorder noted (names_before) only in some groups.
    /// </summary>
    public void NoteRecordedName(long recordedId, string name) => _recordedNames.TryAdd(recordedId, name);

    /// <summary>The double's id of a recorded MO (created or made as a backorder earlier in the replay).</summary>
    public long Order(long recordedId) =>
        _orders.TryGetValue(recordedId, out var id) ? id : throw new InvalidOperationException($"recorded order {recordedId} has no replayed counterpart yet");

    /// <summary>The double's name for a recorded MO name (WH/MO/00017-001 is the replayed family's -001).</summary>
    public string ReplayedName(string recordedName)
    {
        var match = BackorderSuffix().Match(recordedName);
        return match.Success ? ReplayName(match.Groups[1].Value) + match.Groups[2].Value : ReplayName(recordedName);
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
            case "search_read" when recording.Model == "product.product":
                return new JsonArray([.. recorded.AsArray().Select(row =>
                {
                    _recordedProducts.Add(row!["id"]!.GetValue<long>());
                    var product = (JsonObject)row.DeepClone();
                    product["id"] = _productId;
                    if (product["default_code"] is not null)
                    {
                        product["default_code"] = _productCode;
                    }
                    return (JsonNode?)product;
                })]);
            case "create":
                LearnCreated(recorded, actual);
                return recorded is JsonArray ids
                    ? new JsonArray([.. ids.Select(id => (JsonNode?)_orders[id!.GetValue<long>()])])
                    : _orders[recorded.GetValue<long>()];
            case "read" or "search_read":
                foreach (var row in recorded.AsArray())
                {
                    LearnNameFromRow(row!.AsObject());
                }
                return new JsonArray([.. recorded.AsArray().Select(row => (JsonNode?)ExpectedOrder(row!.AsObject()))]);
            default:
                return recorded is JsonObject action ? ExpectedAction(action, actual) : recorded.DeepClone();
        }
    }

    // The recorder searched orders and their backorders with ['|', ('name', '=like', '<its name>-%'), ('id', '=', <it>)]:
    // that names the order (18.0's recorded orders are not named after their ids). Where it searched several
    // (('id', 'in', ids)), 18.0 noted their names as a list in the order of the ids (names_before).
    private void LearnNamesFromDomain(OdooWebhookRecording recording, JsonArray domain)
    {
        var terms = domain.OfType<JsonArray>().Where(t => t.Count == 3).ToList();
        var name = terms.FirstOrDefault(t => t[0]!.GetValue<string>() == "name" && t[2]!.GetValue<string>().EndsWith("-%", StringComparison.Ordinal));
        var id = terms.FirstOrDefault(t => t[0]!.GetValue<string>() == "id" && t[1]!.GetValue<string>() == "=");
        if (name is not null && id is not null)
        {
            NoteRecordedName(id[2]!.GetValue<long>(), name[2]!.GetValue<string>()[..^2]);
        }
        if (recording.Content["names_before"] is JsonArray names && terms.FirstOrDefault(t => t[0]!.GetValue<string>() == "id" && t[1]!.GetValue<string>() == "in") is { } ids)
        {
            foreach (var (orderId, orderName) in ids[2]!.AsArray().Zip(names))
            {
                NoteRecordedName(orderId!.GetValue<long>(), orderName!.GetValue<string>());
            }
        }
    }

    // A read row of an order this replay created, not (yet) split, names it.
    private void LearnNameFromRow(JsonObject row)
    {
        if (row["id"] is JsonValue id && _created.Contains(id.GetValue<long>()) && row["name"] is JsonValue name && !BackorderSuffix().IsMatch(name.GetValue<string>()))
        {
            NoteRecordedName(id.GetValue<long>(), name.GetValue<string>());
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

    private JsonArray ProductDomain(JsonArray domain) => new([.. domain.Select(term => (JsonNode?)(term is JsonArray { Count: 3 } t && t[0]!.GetValue<string>() == "default_code"
        ? new JsonArray("default_code", t[1]!.DeepClone(), t[2]!.GetValue<string>() == RecordedProductCode ? _productCode : t[2]!.DeepClone())
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

    /// <summary>
    /// The double's move for a recorded stock.move write (10-h3: a component set to 11 instead of the BoM's 10). The
    /// recorder wrote a component move of the order the group's next button_mark_done is for, the component that call's
    /// consumption warning names: the replay writes the double's move of that component of that order. (The webhook
    /// databases' components have the ids of the double's seed: the same demo data and seed script.)
    /// </summary>
    private long ComponentMove(OdooWebhookRecording recording)
    {
        var markDone = Recordings.SkipWhile(r => r != recording).First(r => r.Method == "button_mark_done");
        var order = Order(markDone.Args[5]![0]![0]!.GetValue<long>());
        var component = markDone.Response["result"]!["context"]!["default_mrp_consumption_warning_line_ids"]![0]![2]!["product_id"]!.GetValue<long>();
        return _server.Store.All("stock.move").Single(m =>
            m["raw_material_production_id"] is JsonArray mo && mo[0]!.GetValue<long>() == order && m["product_id"]![0]!.GetValue<long>() == component)["id"]!.GetValue<long>();
    }

    private JsonArray Orders(JsonArray ids) => new([.. ids.Select(id => (JsonNode?)Order(id!.GetValue<long>()))]);


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
