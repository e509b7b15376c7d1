using System.Collections.Concurrent;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>Counts every call the double receives, for assertions in tests and benchmarks. Thread-safe.</summary>
public sealed class OdooCallLog
{
    private readonly ConcurrentQueue<OdooCallRecord> _calls = new();
    private int _total;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Calls of <paramref name="method"/> on <paramref name="model"/> over either protocol.</summary>
    public int Count(string model, string method) =>
        _calls.Count(c => c.Model == model && c.Method == method);

    /// <summary>Calls of a service RPC such as "common.version", "common.authenticate", "common.login".</summary>
    public int Count(string rpc) => _calls.Count(c => c.Model.Length == 0 && c.Method == rpc);

    public IReadOnlyList<OdooCallRecord> Snapshot() => [.. _calls];

    public void Reset()
    {
        _calls.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    internal void Record(string protocol, string model, string method)
    {
        _calls.Enqueue(new OdooCallRecord(protocol, model, method, DateTimeOffset.UtcNow));
        Interlocked.Increment(ref _total);
    }
}
