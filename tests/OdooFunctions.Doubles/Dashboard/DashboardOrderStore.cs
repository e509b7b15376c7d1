using System.Globalization;
using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Dashboard;

/// <summary>The dashboard's orders in memory, keyed by <c>_id</c> (a 24-hex-digit id, as MongoDB makes them). Thread-safe.</summary>
public sealed class DashboardOrderStore
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, JsonObject> _orders = new(StringComparer.Ordinal);
    private long _next;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _orders.Count;
            }
        }
    }

    /// <summary>Adds an order linked to an Odoo MO (or not, when <paramref name="odooMoId"/> is null) and returns its <c>_id</c>.</summary>
    public string Add(long? odooMoId, string status = "pending", double qtyProduced = 0, JsonObject? extra = null)
    {
        var order = extra?.DeepClone().AsObject() ?? [];
        order["status"] = status;
        order["qty_produced"] = qtyProduced;
        order["odoo_mo_id"] = odooMoId;
        return Add(order);
    }

    /// <summary>Adds an order as given (an <c>_id</c> is assigned when absent) and returns its <c>_id</c>.</summary>
    public string Add(JsonObject order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_gate)
        {
            var copy = order.DeepClone().AsObject();
            var id = copy["_id"]?.GetValue<string>() ?? (++_next).ToString("x24", CultureInfo.InvariantCulture);
            copy.Remove("_id");
            var stored = new JsonObject { ["_id"] = id };
            foreach (var (key, value) in copy.ToList())
            {
                copy.Remove(key);
                stored[key] = value;
            }

            stored["customer"] ??= "Customer " + id[^4..];
            stored["created_at"] ??= "2025-11-06T09:00:00.000Z";
            _orders[id] = stored;
            _order.Add(id);
            return id;
        }
    }

    /// <summary>A copy of the order, or null.</summary>
    public JsonObject? Get(string id)
    {
        lock (_gate)
        {
            return _orders.TryGetValue(id, out var order) ? order.DeepClone().AsObject() : null;
        }
    }

    /// <summary>Copies of every order in insertion order.</summary>
    public IReadOnlyList<JsonObject> All()
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _orders[id].DeepClone().AsObject())];
        }
    }

    /// <summary>Copies of the orders that carry an Odoo MO id, in insertion order.</summary>
    public IReadOnlyList<JsonObject> Linked()
    {
        lock (_gate)
        {
            return [.. _order.Select(id => _orders[id]).Where(o => o["odoo_mo_id"] is not null).Select(o => o.DeepClone().AsObject())];
        }
    }

    /// <summary>Merges <paramref name="values"/> into the order (<c>_id</c> is never changed); false when there is no such order.</summary>
    public bool Update(string id, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_gate)
        {
            if (!_orders.TryGetValue(id, out var order))
            {
                return false;
            }

            foreach (var (key, value) in values)
            {
                if (key != "_id")
                {
                    order[key] = value?.DeepClone();
                }
            }

            order["updated_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            return true;
        }
    }
}
