using System.Text.Json.Nodes;

namespace OdooFunctions.Cli.Webhooks;

/// <summary>One write the installer sends to Odoo (or, with <c>--dry-run</c>, prints).</summary>
public sealed record WebhookRuleStep(string Model, string Method, IReadOnlyList<long> Ids, JsonObject? Values, string Why);
