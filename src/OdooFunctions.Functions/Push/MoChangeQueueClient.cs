using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// The Storage queue between the webhook receiver and the processor. Messages are JSON, Base64-encoded as host.json's
/// <c>messageEncoding</c> tells the queue trigger to expect. The queue is created on first use, again after a failure.
/// </summary>
public sealed class MoChangeQueueClient
{
    private readonly QueueClient _queue;
    private readonly SingleFlight<QueueClient> _creation;

    public MoChangeQueueClient(QueueServiceClient queues, IOptions<PushOptions> options)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        _queue = queues.GetQueueClient(options.Value.QueueName);
        _creation = new SingleFlight<QueueClient>(async () =>
        {
            await _queue.CreateIfNotExistsAsync();
            return _queue;
        });
    }

    public string Name => _queue.Name;

    public async Task SendAsync(MoChangeMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(message, PushJsonContext.Default.MoChangeMessage);
        try
        {
            var queue = await _creation.GetAsync(cancellationToken);
            await queue.SendMessageAsync(body, visibilityTimeout: delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw new StorageUnavailableException($"Queue storage is unavailable: the change could not be put on queue '{Name}'.", e);
        }
    }
}
