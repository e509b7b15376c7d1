using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The double's database: records per model, as Odoo returns them on the wire (many2one as [id, "name"],
/// empty values as false, datetimes as UTC "YYYY-MM-DD HH:MM:SS"). Thread-safe; every method works on copies.
/// </summary>
/// <remarks>
/// Like PostgreSQL under Odoo, a call that writes works in a transaction (<see cref="BeginAsync"/>): writing calls run
/// one at a time, each on its own copies of the records it touches (committed records are replaced, never changed),
/// and what they change becomes visible to other calls only at <see cref="OdooTransaction.Commit"/>. Reading calls take <see cref="Gate"/> for the call and see the last
/// committed state, also while a writing call is still open, e.g. while Odoo 17.0 or 18.0 waits inside the transaction for a
/// webhook receiver that reads the record back. create_date and write_date keep microseconds, as PostgreSQL does;
/// reads answer them to the second, as Odoo's RPC does.
/// </remarks>
public sealed class OdooRecordStore
{
    internal const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    internal const string StampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    // The database's administrator (res.users 2), creator of the seeded records.
    private const long AdminUid = OdooDoubleOptions.AdminUid;
    private const string AdminName = "Mitchell Admin";

    // The transaction of the call that runs on this thread (set by OdooTransaction.Run for its synchronous part only).
    [ThreadStatic]
    private static OdooTransaction? t_transaction;

    private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _models = new(StringComparer.Ordinal);
    // The end of the last writing call that started: the next one waits for it (a queue of turns, first come first served).
    private Task _writerTurn = Task.CompletedTask;
    private readonly long _uid;
    private readonly string _userName;
    // Per model the last id handed out: like a PostgreSQL sequence, ids are never given twice, also not after a
    // rollback or a delete; the seed may set where a sequence stands (a database whose other runs used ids).
    private readonly Dictionary<string, long> _lastIds = new(StringComparer.Ordinal);
    private readonly Lock _sequenceGate = new();
    // The number the next order's name takes (WH/MO/000NN), when the seed says where the picking type's sequence stands.
    private long? _nextOrderNumber;

    internal OdooRecordStore(long uid, string userName)
    {
        _uid = uid;
        _userName = userName;
    }

    /// <summary>The ORM that makes manufacturing orders for <see cref="AddManufacturingOrder"/>; set by the server.</summary>
    internal OdooOrm? Orders { get; set; }

    /// <summary>Guards the committed tables: held by a reading call for its whole run, and briefly by a commit.</summary>
    internal Lock Gate { get; } = new();

    /// <summary>Odoo's fields.Datetime.now(): to the second (date_start, date_finished).</summary>
    internal static string Now() => DateTime.UtcNow.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The stamp for create_date and write_date: the transaction's start with microseconds (PostgreSQL's now(), as
    /// Odoo's cr.now()), or the current time outside a transaction.
    /// </summary>
    internal string Stamp() => Current?.Stamp ?? NewStamp();

    internal static string NewStamp() => DateTime.UtcNow.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>A stored datetime as the RPC answers it: microseconds cut off.</summary>
    internal static JsonNode? ToSeconds(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>() is { Length: > 19 } text && text[19] == '.'
            ? text[..19]
            : value?.DeepClone();

    /// <summary>The transaction of the call running on this thread, if it belongs to this store.</summary>
    internal OdooTransaction? Current => t_transaction is { } transaction && transaction.Store == this ? transaction : null;

    /// <summary>Waits until no other call writes, then opens a transaction for this one (dispose: roll back unless committed).</summary>
    internal async Task<OdooTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var (previous, turn) = TakeTurn();
        try
        {
            await previous.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Leave the queue in order: this turn ends when the one before it does.
            _ = previous.ContinueWith(_ => turn.TrySetResult(), TaskScheduler.Default);
            throw;
        }
        return new OdooTransaction(this, NewStamp(), turn);
    }

    internal OdooTransaction Begin()
    {
        var (previous, turn) = TakeTurn();
        previous.Wait();
        return new OdooTransaction(this, NewStamp(), turn);
    }

    private (Task Previous, TaskCompletionSource Turn) TakeTurn()
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.Exchange(ref _writerTurn, turn.Task), turn);
    }

    internal static void Enter(OdooTransaction? transaction) => t_transaction = transaction;

    internal static OdooTransaction? Entered => t_transaction;

    /// <summary>Runs <paramref name="change"/> as a transaction of its own: after any writing call in flight, then committed.</summary>
    private T Write<T>(Func<T> change)
    {
        using var transaction = Begin();
        var result = transaction.Run(change);
        transaction.Commit();
        return result;
    }

    /// <summary>
    /// Adds a record (values as they appear on the wire) and returns its id. An "id" in the values is honoured;
    /// create_uid defaults to the administrator ([2, "Mitchell Admin"]), as for the seeded records.
    /// </summary>
    public long Add(string model, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Write(() => AddUnlocked(model, (JsonObject)values.DeepClone()));
    }

    /// <summary>A copy of the record as last committed (datetimes to the second), or null when it does not exist.</summary>
    public JsonObject? Get(string model, long id)
    {
        lock (Gate)
        {
            return Find(model, id) is { } record ? WireCopy(record) : null;
        }
    }

    /// <summary>Copies of every record of the model as last committed (datetimes to the second), by id.</summary>
    public IReadOnlyList<JsonObject> All(string model)
    {
        lock (Gate)
        {
            return [.. Records(model).Select(WireCopy)];
        }
    }

    /// <summary>Overwrites the given values of a record (no Odoo logic runs) and stamps write_date.</summary>
    public void Update(string model, long id, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Write(() =>
        {
            var record = Find(model, id) ?? throw new KeyNotFoundException($"{model}({id}) does not exist");
            foreach (var (key, value) in values)
            {
                record[key] = value?.DeepClone();
            }
            if (!values.ContainsKey("write_date"))
            {
                record["write_date"] = Stamp();
            }
            return true;
        });
    }

    /// <summary>
    /// Adds a manufacturing order as Odoo would after the API user's create and the actions that lead to
    /// <paramref name="state"/>: its name from the order sequence, dates, responsible user and create_uid the API
    /// user, write_date now; for a product with a bill of materials its component and finished moves, confirmed,
    /// with the components recorded (to_close, done) or not. No automation rule fires. For tests and benchmarks.
    /// </summary>
    public long AddManufacturingOrder(long productId, double qty, string state)
    {
        var orders = Orders ?? throw new InvalidOperationException("This store belongs to no Odoo double.");
        return Write(() => orders.AddOrder(productId, qty, state));
    }

    /// <summary>
    /// The component moves of order <paramref name="orderId"/> that are not cancelled, by id: their demand and what Odoo
    /// counts as consumed (16.0's quantity_done; from 17.0 the quantity once picked). For tests and benchmarks.
    /// </summary>
    public Dictionary<long, (double Demand, double Consumed)> Components(long orderId)
    {
        var orders = Orders ?? throw new InvalidOperationException("This store belongs to no Odoo double.");
        lock (Gate)
        {
            return orders.Components(orderId);
        }
    }

    private static JsonObject WireCopy(JsonObject record)
    {
        var copy = (JsonObject)record.DeepClone();
        foreach (var field in new[] { "create_date", "write_date" })
        {
            if (copy.ContainsKey(field))
            {
                copy[field] = ToSeconds(copy[field]);
            }
        }
        return copy;
    }

    internal long AddUnlocked(string model, JsonObject values)
    {
        long id = values["id"]?.AsLong() ?? NextId(model);
        Taken(model, id);
        values.Remove("id");
        var record = new JsonObject { ["id"] = id };
        foreach (var (key, value) in values.ToList())
        {
            values.Remove(key);
            record[key] = value;
        }
        record["write_date"] ??= Stamp();
        record["create_date"] ??= record["write_date"]!.DeepClone();
        // Records the seed (or a test) adds were made by someone else than the API user, unless they say otherwise.
        record["create_uid"] ??= new JsonArray(AdminUid, AdminName);
        if (model == "mrp.production")
        {
            // The field's default: 0 means "not part of a backorder family".
            record["backorder_sequence"] ??= 0L;
        }
        if (Current is { } transaction)
        {
            transaction.Changes(model)[id] = record;
        }
        else
        {
            Committed(model, create: true)![id] = record;
        }
        return id;
    }

    /// <summary>
    /// The record to read or change: inside a writing call the transaction's own copy (made on first use, so that
    /// other calls keep seeing the committed one), else the committed record (the caller holds <see cref="Gate"/>).
    /// </summary>
    internal JsonObject? Find(string model, long id)
    {
        if (Current is not { } transaction)
        {
            return Committed(model, create: false) is { } table && table.TryGetValue(id, out var record) ? record : null;
        }
        var changes = transaction.Changes(model);
        if (changes.TryGetValue(id, out var staged))
        {
            return staged;
        }
        JsonObject? committed;
        lock (Gate)
        {
            committed = Committed(model, create: false) is { } table && table.TryGetValue(id, out var found) ? found : null;
        }
        if (committed is null)
        {
            return null;
        }
        var copy = (JsonObject)committed.DeepClone();
        changes[id] = copy;
        return copy;
    }

    /// <summary>
    /// Every record of the model by id, for reading (change a record through <see cref="Find"/>): inside a writing
    /// call the committed ones with the transaction's changes over them.
    /// </summary>
    internal IEnumerable<JsonObject> Records(string model)
    {
        if (Current is not { } transaction)
        {
            return Committed(model, create: false) is { } table ? table.Values : [];
        }
        List<KeyValuePair<long, JsonObject>> committed;
        lock (Gate)
        {
            committed = Committed(model, create: false) is { } table ? [.. table] : [];
        }
        var changes = transaction.Changes(model);
        if (changes.Count == 0)
        {
            return committed.Select(r => r.Value);
        }
        // The committed records in id order with the transaction's copies over them, then its new records (usually
        // the highest ids): no re-sorting of a large table for the few records a call touches.
        var merged = new List<JsonObject>(committed.Count + changes.Count);
        var seen = new HashSet<long>();
        foreach (var (id, record) in committed)
        {
            if (changes.TryGetValue(id, out var changed))
            {
                seen.Add(id);
                if (changed is not null)
                {
                    merged.Add(changed);
                }
            }
            else
            {
                merged.Add(record);
            }
        }
        var added = changes.Where(c => c.Value is not null && !seen.Contains(c.Key)).OrderBy(c => c.Key).Select(c => c.Value!).ToList();
        if (added.Count > 0 && merged.Count > 0 && added[0]["id"]!.AsLong() < merged[^1]["id"]!.AsLong())
        {
            return merged.Concat(added).OrderBy(r => r["id"]!.AsLong()).ToList();
        }
        merged.AddRange(added);
        return merged;
    }

    internal bool Remove(string model, long id)
    {
        if (Current is not { } transaction)
        {
            return Committed(model, create: false) is { } table && table.Remove(id);
        }
        if (Find(model, id) is null)
        {
            return false;
        }
        transaction.Changes(model)[id] = null;
        return true;
    }

    /// <summary>Takes the next id of <paramref name="model"/>'s sequence (not given back on rollback, as in PostgreSQL).</summary>
    internal long NextId(string model)
    {
        lock (_sequenceGate)
        {
            var next = _lastIds.GetValueOrDefault(model) + 1;
            _lastIds[model] = next;
            return next;
        }
    }

    // A record added with its id (the seed's, a test's) moves the sequence past it.
    private void Taken(string model, long id)
    {
        lock (_sequenceGate)
        {
            _lastIds[model] = Math.Max(_lastIds.GetValueOrDefault(model), id);
        }
    }

    /// <summary>The API user as a many2one: [id, name] (the responsible user and creator of the orders it makes).</summary>
    internal JsonArray ApiUserReference() => new(_uid, _userName);

    /// <summary>Sets where <paramref name="model"/>'s id sequence stands: the next new record gets <paramref name="nextId"/> (or a higher id in use).</summary>
    internal void StartSequence(string model, long nextId)
    {
        lock (_sequenceGate)
        {
            _lastIds[model] = Math.Max(_lastIds.GetValueOrDefault(model), nextId - 1);
        }
    }

    /// <summary>Sets the number the next order's name takes; without it names follow ids (WH/MO/000NN for id NN).</summary>
    internal void StartOrderNames(long nextNumber)
    {
        lock (_sequenceGate)
        {
            _nextOrderNumber = nextNumber;
        }
    }

    /// <summary>The name of a new order (not a backorder): the picking type's sequence, WH/MO/000NN.</summary>
    internal string NextOrderName(long id)
    {
        lock (_sequenceGate)
        {
            var number = _nextOrderNumber ?? id;
            if (_nextOrderNumber is not null)
            {
                _nextOrderNumber++;
            }
            return $"WH/MO/{number:00000}";
        }
    }

    private SortedDictionary<long, JsonObject>? Committed(string model, bool create)
    {
        if (!_models.TryGetValue(model, out var records) && create)
        {
            records = [];
            _models[model] = records;
        }
        return records;
    }

    /// <summary>Applies a transaction's changes to the committed tables (the caller holds <see cref="Gate"/>).</summary>
    internal void CommitUnlocked(Dictionary<string, Dictionary<long, JsonObject?>> changes)
    {
        foreach (var (model, records) in changes)
        {
            var table = Committed(model, create: true)!;
            foreach (var (id, record) in records)
            {
                if (record is null)
                {
                    table.Remove(id);
                }
                else
                {
                    table[id] = record;
                }
            }
        }
    }

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
}
