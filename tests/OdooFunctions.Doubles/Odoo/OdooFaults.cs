namespace OdooFunctions.Doubles.Odoo;

/// <summary>Queue of faults to inject into the next calls. Thread-safe.</summary>
public sealed class OdooFaults
{
    private const string ConsumptionWarningMethod = "button_mark_done";

    private readonly Lock _gate = new();
    private readonly List<Pending> _pending = [];

    /// <summary>
    /// The next <paramref name="count"/> calls (of <paramref name="method"/>, or of any call when null) fail with
    /// <paramref name="fault"/>. <paramref name="method"/> is an Odoo method name ("search_read") or an RPC name
    /// ("common.authenticate"). <see cref="OdooFault.ConsumptionWarning"/> is an answer of button_mark_done only:
    /// with no method it waits for the next button_mark_done call. With <paramref name="after"/>, that many matching
    /// calls are answered normally first (e.g. fail the read that follows an action, not the one before it).
    /// </summary>
    public void FailNext(int count, OdooFault fault, string? method = null, int after = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        if (fault == OdooFault.ConsumptionWarning && method is not (null or ConsumptionWarningMethod))
        {
            throw new ArgumentException($"{nameof(OdooFault.ConsumptionWarning)} is an answer of {ConsumptionWarningMethod} only, not of '{method}'.", nameof(method));
        }
        lock (_gate)
        {
            _pending.Add(new Pending(fault, method, count) { Skip = after });
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
                var matches = pending.Method is null
                    ? pending.Fault != OdooFault.ConsumptionWarning || method == ConsumptionWarningMethod
                    : string.Equals(pending.Method, method, StringComparison.Ordinal);
                if (matches && pending.Skip > 0)
                {
                    pending.Skip--;
                    return null;
                }
                if (matches)
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

        /// <summary>Matching calls still to be answered normally before this fault applies.</summary>
        public int Skip { get; set; }
    }
}
