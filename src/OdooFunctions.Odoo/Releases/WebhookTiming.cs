namespace OdooFunctions.Odoo.Releases;

/// <summary>When an automation rule's "Send Webhook Notification" action POSTs, relative to the change's commit.</summary>
public enum WebhookTiming
{
    /// <summary>No webhook action (16.0): only the timer sync sees changes.</summary>
    None,

    /// <summary>17.0 and 18.0: inside the transaction, so a read during the POST still sees the old state.</summary>
    BeforeCommit,

    /// <summary>19.0: after commit (a post-commit hook), though the payload may be older than what was committed.</summary>
    AfterCommit,
}
