using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Functions.Tests.Hosting;

/// <summary>The Odoo versions a test runs against, from the double's version table: every one, or those that have the feature.</summary>
public static class OdooVersions
{
    public static TheoryData<string> All => [.. OdooVersion.Names];

    /// <summary>The versions whose automation rules can send webhooks (17.0 on): push runs on these.</summary>
    public static TheoryData<string> WithWebhooks => [.. OdooVersion.All.Where(v => v.HasWebhookAction).Select(v => v.Name)];

    /// <summary>The versions that send their webhooks inside the transaction, before the commit (17.0, 18.0): push re-checks.</summary>
    public static TheoryData<string> WithWebhooksBeforeCommit =>
        [.. OdooVersion.All.Where(v => v.HasWebhookAction && !v.WebhooksAfterCommit).Select(v => v.Name)];

    /// <summary>The versions without a webhook action (16.0): the timer alone syncs.</summary>
    public static TheoryData<string> WithoutWebhooks => [.. OdooVersion.All.Where(v => !v.HasWebhookAction).Select(v => v.Name)];
}
