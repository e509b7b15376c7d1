using Microsoft.Extensions.Configuration;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// The app settings of the push path (the index it shares with the sync is the dashboard part's). Bound and checked at start by <see cref="PushServiceCollectionExtensions.AddPush"/>;
/// <see cref="PushOptions"/> is made from them. Kept as text (see <see cref="SettingText"/>). The webhook code is not
/// here: it is a secret, read through the secrets part (<c>ODOO_WEBHOOK_SECRET</c> / <c>odoo-webhook-secret</c>).
/// </summary>
public sealed class PushSettings
{
    [ConfigurationKeyName(PushOptions.QueueSetting)]
    public string? Queue { get; set; }

    [ConfigurationKeyName("WEBHOOK_INITIAL_DELAY_SECONDS"), WholeNumberSetting(Minimum = 0, Maximum = 60)]
    public string? InitialDelaySeconds { get; set; }

    [ConfigurationKeyName("WEBHOOK_RECHECKS"), WholeNumberSetting(Minimum = 0, Maximum = 10)]
    public string? Rechecks { get; set; }

    public void ApplyTo(PushOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (SettingText.Value(Queue) is { } queue)
        {
            options.QueueName = queue;
        }

        if (SettingText.WholeInt(InitialDelaySeconds, 0) is { } delay)
        {
            options.InitialDelay = TimeSpan.FromSeconds(delay);
        }

        if (SettingText.WholeInt(Rechecks, 0) is { } rechecks)
        {
            options.Rechecks = rechecks;
        }
    }
}
