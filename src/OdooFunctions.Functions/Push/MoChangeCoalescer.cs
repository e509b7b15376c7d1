using Microsoft.Extensions.Options;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// Gathers the queue-triggered invocations that arrive together (the host hands a batch of messages to the worker at
/// once) for <see cref="PushOptions.CoalesceWindow"/>, so that they share one Odoo read and one decision per MO. In
/// process only, and only for speed: correctness rests on the index's ETags and on Odoo being read again.
/// </summary>
public sealed class MoChangeCoalescer(MoChangeProcessor processor, IOptions<PushOptions> options)
{
    private const int MaxBatch = 200;

    private readonly Lock _gate = new();
    private List<(MoChangeMessage Message, TaskCompletionSource<MoChangeResult> Done)>? _pending;

    public Task<MoChangeResult> SubmitAsync(MoChangeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var done = new TaskCompletionSource<MoChangeResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var startBatch = false;
        lock (_gate)
        {
            if (_pending is null)
            {
                _pending = [];
                startBatch = true;
            }

            _pending.Add((message, done));
            if (_pending.Count >= MaxBatch && !startBatch)
            {
                // Full: run it now; the timer of this batch will find nothing left.
                _ = RunAsync(Take());
            }
        }

        if (startBatch)
        {
            _ = RunAfterWindowAsync();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAfterWindowAsync()
    {
        await Task.Delay(options.Value.CoalesceWindow);
        List<(MoChangeMessage, TaskCompletionSource<MoChangeResult>)>? batch;
        lock (_gate)
        {
            batch = Take();
        }

        await RunAsync(batch);
    }

    private List<(MoChangeMessage Message, TaskCompletionSource<MoChangeResult> Done)>? Take()
    {
        var batch = _pending;
        _pending = null;
        return batch;
    }

    private async Task RunAsync(List<(MoChangeMessage Message, TaskCompletionSource<MoChangeResult> Done)>? batch)
    {
        if (batch is null || batch.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<long, Task<MoChangeResult>> results;
        try
        {
            // Not one caller's token: the batch serves them all; a caller that gives up only stops waiting.
            results = await processor.ProcessAsync([.. batch.Select(b => b.Message)], CancellationToken.None);
        }
        catch (Exception e)
        {
            foreach (var (_, done) in batch)
            {
                done.TrySetException(e);
            }

            return;
        }

        foreach (var (message, done) in batch)
        {
            var result = results[message.MoId];
            try
            {
                done.TrySetResult(await result);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
    }
}
