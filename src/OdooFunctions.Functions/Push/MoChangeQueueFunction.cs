using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// The processor's trigger: one invocation per queued webhook (host.json's <c>queues</c> section sets polling, batch
/// size and <c>maxDequeueCount</c>). A failure (Odoo or the dashboard down) throws, so the host makes the message
/// visible again and, after <c>maxDequeueCount</c> tries, moves it to <c>&lt;queue&gt;-poison</c>; the timer repairs what
/// such a message left undone.
/// </summary>
public sealed partial class MoChangeQueueFunction(MoChangeCoalescer coalescer, ILogger<MoChangeQueueFunction> logger)
{
    [Function("ProcessMoChange")]
    public async Task RunAsync([QueueTrigger("%" + PushOptions.QueueSetting + "%")] string message, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var change = Parse(message);
        var result = await coalescer.SubmitAsync(change, context.CancellationToken);
        LogProcessed(logger, result.MoId, result.Outcome, result.Patched);
    }

    /// <summary>The message the receiver wrote; anything else can never succeed and is refused (it ends in the poison queue).</summary>
    internal static MoChangeMessage Parse(string message)
    {
        MoChangeMessage? change = null;
        try
        {
            change = JsonSerializer.Deserialize(message, PushJsonContext.Default.MoChangeMessage);
        }
        catch (JsonException)
        {
        }

        return change is { MoId: > 0 } ? change : throw new FormatException("The queue message is not a manufacturing-order change written by the webhook receiver.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: MO {MoId} {Outcome} ({Patched} orders patched)")]
    private static partial void LogProcessed(ILogger logger, long moId, MoChangeOutcome outcome, int patched);
}
