namespace OdooFunctions.Functions;

/// <summary>
/// One asynchronous run shared by concurrent callers (single flight). What the run gave is kept: a value for good, or
/// for the time <c>keepValue</c> says; a failure is forgotten at once, so the next caller runs again (a storage outage
/// at start-up heals without a restart), unless <c>keepFailure</c> keeps it a while (a broken vault is not asked by
/// every request). A caller's token stops that caller's wait only: the run is no one caller's, it goes on for the others.
/// </summary>
internal sealed class SingleFlight<T>
{
    private readonly Func<Task<T>> _run;
    private readonly TimeProvider _time;
    private readonly Func<T, TimeSpan>? _keepValue;
    private readonly Func<Exception, TimeSpan>? _keepFailure;
    private readonly Lock _gate = new();
    private Flight? _current;

    /// <summary>A value kept for good, a failure forgotten.</summary>
    public SingleFlight(Func<Task<T>> run)
        : this(run, TimeProvider.System, keepValue: null, keepFailure: null)
    {
    }

    /// <summary>A value kept for <paramref name="keepValue"/> (null: for good), a failure for <paramref name="keepFailure"/> (null: forgotten).</summary>
    public SingleFlight(Func<Task<T>> run, TimeProvider time, Func<T, TimeSpan>? keepValue, Func<Exception, TimeSpan>? keepFailure)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(time);
        _run = run;
        _time = time;
        _keepValue = keepValue;
        _keepFailure = keepFailure;
    }

    /// <summary>The kept value, or the result of the run in flight, or of a new run.</summary>
    public ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var flight = Volatile.Read(ref _current);
        if (flight is null || !IsFresh(flight))
        {
            flight = StartOrJoin();
        }

        var task = flight.Result.Task;
        return task.IsCompletedSuccessfully ? ValueTask.FromResult(task.Result) : new ValueTask<T>(task.WaitAsync(cancellationToken));
    }

    /// <summary>
    /// Forget a kept value, so the next caller runs again. A run in flight is kept (what it brings is fresh), and so is
    /// a kept failure until its time is up.
    /// </summary>
    public void ForgetValue()
    {
        lock (_gate)
        {
            if (_current is { } flight && flight.Result.Task.IsCompletedSuccessfully)
            {
                _current = null;
            }
        }
    }

    // Fresh: still in flight, or done (value or failure) and not yet expired.
    private bool IsFresh(Flight flight) => !flight.Result.Task.IsCompleted || _time.GetUtcNow() < flight.ExpiresAt;

    private Flight StartOrJoin()
    {
        Flight flight;
        lock (_gate)
        {
            if (_current is { } current && IsFresh(current))
            {
                return current;
            }

            flight = new Flight();
            _current = flight;
        }

        // Started outside the lock: the run does I/O.
        _ = RunAsync(flight);
        return flight;
    }

    private async Task RunAsync(Flight flight)
    {
        try
        {
            var value = await _run();
            flight.ExpiresAt = _keepValue is null ? DateTimeOffset.MaxValue : _time.GetUtcNow() + _keepValue(value);
            flight.Result.SetResult(value);
        }
        catch (Exception failure)
        {
            flight.ExpiresAt = _keepFailure is null ? DateTimeOffset.MinValue : _time.GetUtcNow() + _keepFailure(failure);
            flight.Result.SetException(failure);
        }
    }

    private sealed class Flight
    {
        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Written before Result completes, read only after.
        public DateTimeOffset ExpiresAt { get; set; }
    }
}
