using System.Collections.Concurrent;

namespace OdooFunctions.Doubles.Dashboard;

/// <summary>Every request the dashboard double received, in arrival order. Thread-safe.</summary>
public sealed class DashboardRequestLog
{
    private readonly ConcurrentQueue<DashboardRequestRecord> _requests = new();

    public int Total => _requests.Count;

    /// <summary>Requests with this HTTP method ("GET", "PATCH").</summary>
    public int Count(string method) => _requests.Count(r => r.Method == method);

    public IReadOnlyList<DashboardRequestRecord> Snapshot() => [.. _requests];

    /// <summary>The PATCH requests, for asserting which orders were changed.</summary>
    public IReadOnlyList<DashboardRequestRecord> Patches() => [.. _requests.Where(r => r.Method == "PATCH")];

    public void Reset() => _requests.Clear();

    internal void Record(DashboardRequestRecord record) => _requests.Enqueue(record);
}
