namespace OdooFunctions.Doubles.Odoo;

/// <summary>Queue of faults to inject into the next calls. Thread-safe.</summary>
public sealed class OdooFaults
{
    private readonly Lock _gate = new();
    private readonly List<Pending> _pending = [];

    /// <summary>
    /// The next <paramref name="count"/> calls (of <paramref name="method"/>, or of any call when null) fail with
    /// <paramref name="fault"/>. <paramref name="method"/> is an Odoo method name ("search_read") or an RPC name
    /// ("common.authenticate").
    /// </summary>
    public void FailNext(int count, OdooFault fault, string? method = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _pending.Add(new Pending(fault, method, count));
        }
    }

    /// <summary>Forgets every fault not injected yet.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _pending.Clear();
        }
    }

    /// <summary>Number of fault injections still queued.</summary>
    public int Remaining
    {
        get
        {
            lock (_gate)
            {
                return _pending.Sum(p => p.Count);
            }
        }
    }

    internal OdooFault? TakeFor(string method)
    {
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var pending = _pending[i];
                if (pending.Method is null || string.Equals(pending.Method, method, StringComparison.Ordinal))
                {
                    pending.Count--;
                    if (pending.Count == 0)
                    {
                        _pending.RemoveAt(i);
                    }
                    return pending.Fault;
                }
            }
            return null;
        }
    }

    private sealed class Pending(OdooFault fault, string? method, int count)
    {
        public OdooFault Fault { get; } = fault;
        public string? Method { get; } = method;
        public int Count { get; set; } = count;
    }
}
