using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The double's database: records per model, as Odoo returns them on the wire (many2one as [id, "name"],
/// empty values as false, datetimes as UTC "YYYY-MM-DD HH:MM:SS"). Thread-safe; every method works on copies.
/// </summary>
public sealed class OdooRecordStore
{
    internal const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    // The database's administrator (res.users 2), creator of the seeded records.
    private const long AdminUid = 2;
    private const string AdminName = "Mitchell Admin";

    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _models = new(StringComparer.Ordinal);
    private readonly long _uid;
    private readonly string _userName;

    internal OdooRecordStore(long uid, string userName)
    {
        _uid = uid;
        _userName = userName;
    }

    /// <summary>Held while an Odoo call runs, so that each call sees and leaves a consistent state (as a transaction).</summary>
    internal Lock Gate { get; } = new();

    internal static string Now() => DateTime.UtcNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds a record (values as they appear on the wire) and returns its id. An "id" in the values is honoured;
    /// create_uid defaults to the administrator ([2, "Mitchell Admin"]), as for the seeded records.
    /// </summary>
    public long Add(string model, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (Gate)
        {
            return AddUnlocked(model, (JsonObject)values.DeepClone());
        }
    }

    /// <summary>A copy of the record, or null when it does not exist.</summary>
    public JsonObject? Get(string model, long id)
    {
        lock (Gate)
        {
            return Find(model, id)?.DeepClone() as JsonObject;
        }
    }

    /// <summary>Copies of every record of the model, by id.</summary>
    public IReadOnlyList<JsonObject> All(string model)
    {
        lock (Gate)
        {
            return _models.TryGetValue(model, out var records) ? [.. records.Values.Select(r => (JsonObject)r.DeepClone())] : [];
        }
    }

    /// <summary>Overwrites the given values of a record (no Odoo logic runs) and stamps write_date.</summary>
    public void Update(string model, long id, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (Gate)
        {
            var record = Find(model, id) ?? throw new KeyNotFoundException($"{model}({id}) does not exist");
            foreach (var (key, value) in values)
            {
                record[key] = value?.DeepClone();
            }
            if (!values.ContainsKey("write_date"))
            {
                record["write_date"] = Now();
            }
        }
    }

    /// <summary>
    /// Adds a manufacturing order as Odoo would after the API user's create (+ the actions that lead to
    /// <paramref name="state"/>): name WH/MO/000NN, dates, responsible user and create_uid the API user, write_date
    /// now. For tests and benchmarks.
    /// </summary>
    public long AddManufacturingOrder(long productId, double qty, string state)
    {
        lock (Gate)
        {
            var values = NewManufacturingOrder(new JsonObject { ["product_id"] = productId, ["product_qty"] = qty });
            values["state"] = state;
            if (state is "to_close" or "done")
            {
                values["qty_producing"] = OdooJson.PythonFloat(qty);
            }
            if (state == "done")
            {
                values["qty_produced"] = OdooJson.PythonFloat(qty);
                values["date_finished"] = Now();
            }
            return AddUnlocked("mrp.production", values);
        }
    }

    internal long AddUnlocked(string model, JsonObject values)
    {
        if (!_models.TryGetValue(model, out var records))
        {
            records = [];
            _models[model] = records;
        }
        long id = values["id"]?.AsLong() ?? (records.Count == 0 ? 1 : records.Keys.Max() + 1);
        values.Remove("id");
        var record = new JsonObject { ["id"] = id };
        foreach (var (key, value) in values.ToList())
        {
            values.Remove(key);
            record[key] = value;
        }
        record["write_date"] ??= Now();
        record["create_date"] ??= record["write_date"]!.DeepClone();
        // Records the seed (or a test) adds were made by someone else than the API user, unless they say otherwise.
        record["create_uid"] ??= new JsonArray(AdminUid, AdminName);
        if (model == "mrp.production")
        {
            // The field's default: 0 means "not part of a backorder family".
            record["backorder_sequence"] ??= 0L;
        }
        records[id] = record;
        return id;
    }

    /// <summary>A deep copy of every record, to roll a failed call back to (see <see cref="RestoreUnlocked"/>).</summary>
    internal Dictionary<string, SortedDictionary<long, JsonObject>> SnapshotUnlocked() =>
        _models.ToDictionary(
            m => m.Key,
            m => new SortedDictionary<long, JsonObject>(m.Value.ToDictionary(r => r.Key, r => (JsonObject)r.Value.DeepClone())),
            StringComparer.Ordinal);

    /// <summary>Puts the store back as it was at <paramref name="snapshot"/>, as a transaction rollback.</summary>
    internal void RestoreUnlocked(Dictionary<string, SortedDictionary<long, JsonObject>> snapshot)
    {
        _models.Clear();
        foreach (var (model, records) in snapshot)
        {
            _models[model] = records;
        }
    }

    internal JsonObject? Find(string model, long id) =>
        _models.TryGetValue(model, out var records) && records.TryGetValue(id, out var record) ? record : null;

    internal IEnumerable<JsonObject> Records(string model) =>
        _models.TryGetValue(model, out var records) ? records.Values : [];

    internal bool Remove(string model, long id) => _models.TryGetValue(model, out var records) && records.Remove(id);

    internal long NextId(string model) =>
        _models.TryGetValue(model, out var records) && records.Count > 0 ? records.Keys.Max() + 1 : 1;

    /// <summary>[id, display name] of a record, as a many2one on the wire.</summary>
    internal JsonNode Many2One(string model, long id)
    {
        var record = Find(model, id);
        return new JsonArray(id, record is null ? $"{model},{id}" : DisplayName(model, record));
    }

    internal static string DisplayName(string model, JsonObject record)
    {
        if (model == "product.product" && record["default_code"] is JsonValue code && code.TryGetValue<string>(out var text))
        {
            return $"[{text}] {record["name"]}";
        }
        return record["display_name"]?.GetValue<string>() ?? record["name"]?.ToString() ?? $"{model},{record["id"]}";
    }

    /// <summary>A new MO's values with Odoo's defaults filled in; <paramref name="values"/> as sent by a client.</summary>
    internal JsonObject NewManufacturingOrder(JsonObject values)
    {
        var now = Now();
        var id = NextId("mrp.production");
        var productId = values["product_id"]!.AsLong();
        var product = Find("product.product", productId);
        var start = values["date_start"]?.GetValue<string>() ?? now;
        var finished = DateTime.ParseExact(start, DateTimeFormat, CultureInfo.InvariantCulture).AddHours(1)
            .ToString(DateTimeFormat, CultureInfo.InvariantCulture);
        var record = new JsonObject
        {
            ["id"] = id,
            ["name"] = $"WH/MO/{id:00000}",
            ["product_id"] = Many2One("product.product", productId),
            ["product_qty"] = OdooJson.PythonFloat(values["product_qty"] is JsonValue qtyValue && qtyValue.GetValueKind() == System.Text.Json.JsonValueKind.Number ? qtyValue.AsDouble() : 1),
            ["product_uom_id"] = product?["uom_id"]?.DeepClone() ?? new JsonArray(1, "Units"),
            ["state"] = "draft",
            ["date_start"] = start,
            ["date_finished"] = finished,
            ["date_deadline"] = false,
            ["priority"] = "0",
            ["user_id"] = new JsonArray(_uid, _userName),
            ["create_uid"] = new JsonArray(_uid, _userName),
            ["company_id"] = new JsonArray(1, "My Company (San Francisco)"),
            ["origin"] = false,
            ["qty_produced"] = OdooJson.PythonFloat(0),
            ["qty_producing"] = OdooJson.PythonFloat(0),
            ["write_date"] = now,
            ["create_date"] = now,
        };
        foreach (var (key, value) in values)
        {
            if (key is not ("product_id" or "product_qty" or "date_start"))
            {
                record[key] = value?.DeepClone();
            }
        }
        return record;
    }
}
