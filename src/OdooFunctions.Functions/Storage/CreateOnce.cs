namespace OdooFunctions.Functions.Storage;

/// <summary>
/// A creation (a table, a queue) run once per process while that works. Concurrent first callers share one run; a
/// failed run is not remembered, so the next caller tries again and a storage outage at start-up heals without a restart.
/// </summary>
internal sealed class CreateOnce(Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            // Not tied to one caller's token: a caller that gives up must not fail the creation the others wait for.
            creation = _creation ??= create();
        }

        try
        {
            await creation.WaitAsync(cancellationToken);
        }
        catch when (creation.IsFaulted || creation.IsCanceled)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_creation, creation))
                {
                    _creation = null;
                }
            }

            throw;
        }
    }
}
