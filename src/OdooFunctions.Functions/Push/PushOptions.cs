namespace OdooFunctions.Functions.Push;

/// <summary>How Odoo's webhooks reach the dashboard: the queue and the re-check delays. Bound by <see cref="PushServiceCollectionExtensions.AddPush"/>.</summary>
public sealed class PushOptions
{
    public const string QueueSetting = "WEBHOOK_QUEUE";
    public const string DefaultQueue = "odoo-mo-changes";

    /// <summary>The queue between the receiver and the processor (<c>WEBHOOK_QUEUE</c>); the trigger reads the same setting.</summary>
    public string QueueName { get; set; } = DefaultQueue;

    /// <summary>
    /// How long a new message stays invisible (<c>WEBHOOK_INITIAL_DELAY_SECONDS</c>, whole seconds as the queue service
    /// counts them). 0 by default: the processor's commit check (Odoo's <c>write_date</c> against the payload's) re-queues
    /// the rare 17.0 message that arrives before its transaction commits, which is faster than delaying every message.
    /// </summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Waits before each re-check of a change Odoo has not committed yet (<c>WEBHOOK_RECHECKS</c> of them: 1 s, 2 s, 4 s...).
    /// After the last one the processor shows what Odoo has committed and leaves the rest to the timer.
    /// </summary>
    public int Rechecks { get; set; } = 3;

    /// <summary>How long the processor gathers messages that arrive together into one Odoo read.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    public static TimeSpan RecheckDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Clamp(attempt, 0, 6)));
}
