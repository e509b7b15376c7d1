namespace OdooFunctions.Cli.Webhooks;

/// <summary>The installed rule as Odoo holds it: ids, trigger, the action's URL (its code masked) and fields.</summary>
public sealed record WebhookRuleStatus(
    long RuleId, string Name, string? Trigger, bool Active, IReadOnlyList<string> TriggerFields,
    long? ActionId, string? Url, IReadOnlyList<string> WebhookFields);
