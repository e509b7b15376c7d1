namespace OdooFunctions.Cli.Webhooks;

/// <summary>Odoo before 17.0 has no "Send Webhook Notification" action.</summary>
public sealed class UnsupportedOdooVersionException(string serverVersion)
    : Exception($"Odoo {serverVersion} cannot send webhooks: the automation action \"Send Webhook Notification\" exists from Odoo 17.0 on. Keep the timer sync (it covers every change within one interval).")
{
    public string ServerVersion { get; } = serverVersion;
}
