namespace OdooFunctions.Doubles.Dashboard;

/// <summary>Faults to inject into the next requests. Thread-safe.</summary>
public sealed class DashboardFaults
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Status, int Count)> _patchFailures = new(StringComparer.Ordinal);
    private readonly Queue<DashboardGarbage> _garbage = new();
    private readonly Queue<int> _listFailures = new();

    /// <summary>The next <paramref name="count"/> PATCHes of order <paramref name="orderId"/> answer <paramref name="status"/> and change nothing.</summary>
    public void FailPatch(string orderId, int count = 1, int status = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_gate)
        {
            _patchFailures[orderId] = (status, count);
        }
    }

    /// <summary>The next <c>GET /orders</c> answers 200 with <paramref name="garbage"/>, <paramref name="count"/> times.</summary>
    public void GarbageNextList(DashboardGarbage garbage, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _garbage.Enqueue(garbage);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> <c>GET /orders</c> answer <paramref name="status"/>.</summary>
    public void FailNextList(int count = 1, int status = 503)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _listFailures.Enqueue(status);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _patchFailures.Clear();
            _garbage.Clear();
            _listFailures.Clear();
        }
    }

    internal int? TakePatchFailure(string orderId)
    {
        lock (_gate)
        {
            if (!_patchFailures.TryGetValue(orderId, out var failure))
            {
                return null;
            }

            if (failure.Count <= 1)
            {
                _patchFailures.Remove(orderId);
            }
            else
            {
                _patchFailures[orderId] = (failure.Status, failure.Count - 1);
            }

            return failure.Status;
        }
    }

    internal DashboardGarbage? TakeGarbage()
    {
        lock (_gate)
        {
            return _garbage.TryDequeue(out var garbage) ? garbage : null;
        }
    }

    internal int? TakeListFailure()
    {
        lock (_gate)
        {
            return _listFailures.TryDequeue(out var status) ? status : null;
        }
    }
}
