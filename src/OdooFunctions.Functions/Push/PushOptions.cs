using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// How Odoo's webhooks reach the dashboard: the queue and the re-check delays. Bound and checked at start by
/// <see cref="PushServiceCollectionExtensions.AddPush"/>. The webhook code is not here: it is a secret, read through the
/// secrets part (<c>ODOO_WEBHOOK_SECRET</c> / <c>odoo-webhook-secret</c>).
/// </summary>
public sealed class PushOptions
{
    public const string QueueSetting = "WEBHOOK_QUEUE";

    /// <summary>
    /// The queue between the receiver and the processor. The queue trigger reads the same setting (<c>%WEBHOOK_QUEUE%</c>)
    /// and the host has no default: without it the app would start, answer HTTP and never push. So it is required here.
    /// </summary>
    [ConfigurationKeyName(QueueSetting), RequiredSetting]
    [NamePatternSetting("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$", "must be 3-63 lowercase letters, digits and single dashes")]
    public string QueueName { get; set; } = "";

    /// <summary>
    /// How long a new message stays invisible (whole seconds, as the queue service counts them). 0 by default: the
    /// processor's commit check (Odoo's <c>write_date</c> against the payload's) re-queues the rare 17.0 message that
    /// arrives before its transaction commits, which is faster than delaying every message.
    /// </summary>
    [ConfigurationKeyName("WEBHOOK_INITIAL_DELAY_SECONDS"), WholeNumberSetting(Minimum = 0, Maximum = 60)]
    public int InitialDelaySeconds { get; set; }

    public TimeSpan InitialDelay => TimeSpan.FromSeconds(InitialDelaySeconds);

    /// <summary>
    /// Waits before each re-check of a change Odoo has not committed yet (this many of them: 1 s, 2 s, 4 s...). After the
    /// last one the processor shows what Odoo has committed and leaves the rest to the timer.
    /// </summary>
    [ConfigurationKeyName("WEBHOOK_RECHECKS"), WholeNumberSetting(Minimum = 0, Maximum = 10)]
    public int Rechecks { get; set; } = 3;

    /// <summary>How long the processor gathers messages that arrive together into one Odoo read.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    public static TimeSpan RecheckDelay(int attempt) => TimeSpan.FromSeconds(Math.Min(60, 1 << Math.Clamp(attempt, 0, 6)));
}
