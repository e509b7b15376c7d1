using System.Text.Json.Nodes;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Releases;

namespace OdooFunctions.Cli.Webhooks;

/// <summary>
/// The Odoo automation rule that pushes MO state changes to the app: <c>base.automation</c> on <c>mrp.production</c>,
/// <c>on_write</c> of <c>state</c> (creation counts as a change), with one inline "Send Webhook Notification" action
/// (<c>ir.actions.server</c>, <c>state = webhook</c>) that POSTs the fields below to the receiver's URL. Found again by
/// its name, so installing twice leaves one rule. Only an Odoo administrator may create it (the API user gets an
/// AccessError), so the client given here logs in as one.
/// </summary>
public sealed class WebhookRuleInstaller(OdooClient odoo)
{
    public const string RuleName = "OdooFunctions: MO state to the dashboard";
    public const string ActionName = "OdooFunctions: send MO state";
    public const string Trigger = "on_write";
    public const string TriggerField = "state";

    /// <summary>The fields each POST carries; the receiver uses <c>_id</c>, <c>write_date</c> and <c>state</c>, the rest helps a person reading Odoo's log.</summary>
    public static readonly IReadOnlyList<string> Fields = ["id", "name", "state", "qty_produced", "qty_producing", "product_qty", "write_date", "origin"];

    private const string Model = "mrp.production";
    private static readonly bool[] ActiveOrArchived = [true, false];

    /// <summary>What <see cref="InstallAsync"/> would send: a create when no rule has the name, else the writes that bring it in line (none when it is).</summary>
    public async Task<IReadOnlyList<WebhookRuleStep>> PlanAsync(Uri webhookUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookUrl);
        await RequireWebhooksAsync(cancellationToken);
        var modelId = await ModelIdAsync(cancellationToken);
        var fieldIds = await FieldIdsAsync(cancellationToken);
        var stateField = fieldIds[TriggerField];
        var webhookFields = Fields.Select(f => fieldIds[f]).ToList();
        var rule = await FindRuleAsync(cancellationToken);
        if (rule is null)
        {
            return [new WebhookRuleStep("base.automation", "create", [], new JsonObject
            {
                ["name"] = RuleName,
                ["model_id"] = modelId,
                ["trigger"] = Trigger,
                ["trigger_field_ids"] = Replace([stateField]),
                ["active"] = true,
                ["action_server_ids"] = new JsonArray(new JsonArray(0, 0, ActionValues(modelId, webhookUrl, webhookFields))),
            }, "no rule named \"" + RuleName + "\" yet")];
        }

        var steps = new List<WebhookRuleStep>();
        var ruleId = rule["id"]!.GetValue<long>();
        var ruleValues = new JsonObject();
        if (Text(rule, "trigger") != Trigger)
        {
            ruleValues["trigger"] = Trigger;
        }

        if (!SameIds(rule["trigger_field_ids"], [stateField]))
        {
            ruleValues["trigger_field_ids"] = Replace([stateField]);
        }

        if (rule["active"] is not JsonValue active || !active.TryGetValue<bool>(out var isActive) || !isActive)
        {
            ruleValues["active"] = true;
        }

        if (ruleValues.Count > 0)
        {
            steps.Add(new WebhookRuleStep("base.automation", "write", [ruleId], ruleValues, "the rule's trigger differs"));
        }

        var actions = await ActionsAsync(rule, cancellationToken);
        var action = actions.FirstOrDefault(a => Text(a, "state") == "webhook");
        if (action is null)
        {
            steps.Add(new WebhookRuleStep("base.automation", "write", [ruleId], new JsonObject
            {
                ["action_server_ids"] = new JsonArray(new JsonArray(0, 0, ActionValues(modelId, webhookUrl, webhookFields))),
            }, "the rule has no webhook action"));
            return steps;
        }

        var actionValues = new JsonObject();
        if (Text(action, "webhook_url") != webhookUrl.AbsoluteUri)
        {
            actionValues["webhook_url"] = webhookUrl.AbsoluteUri;
        }

        if (!SameIds(action["webhook_field_ids"], webhookFields))
        {
            actionValues["webhook_field_ids"] = Replace(webhookFields);
        }

        if (actionValues.Count > 0)
        {
            steps.Add(new WebhookRuleStep("ir.actions.server", "write", [action["id"]!.GetValue<long>()], actionValues, "the webhook action's URL or fields differ"));
        }

        return steps;
    }

    /// <summary>Creates the rule or brings it in line (idempotent), then reads it back.</summary>
    public async Task<WebhookRuleStatus> InstallAsync(Uri webhookUrl, CancellationToken cancellationToken = default)
    {
        foreach (var step in await PlanAsync(webhookUrl, cancellationToken))
        {
            if (step.Method == "create")
            {
                await odoo.CreateAsync(step.Model, step.Values!, cancellationToken);
            }
            else
            {
                await odoo.WriteAsync(step.Model, [.. step.Ids], step.Values!, cancellationToken);
            }
        }

        return await StatusAsync(cancellationToken) ?? throw new InvalidOperationException("Odoo does not show the rule it was just asked to create.");
    }

    /// <summary>The rule as Odoo holds it, or null when none has the name.</summary>
    public async Task<WebhookRuleStatus?> StatusAsync(CancellationToken cancellationToken = default)
    {
        await RequireWebhooksAsync(cancellationToken);
        var rule = await FindRuleAsync(cancellationToken);
        if (rule is null)
        {
            return null;
        }

        var action = (await ActionsAsync(rule, cancellationToken)).FirstOrDefault(a => Text(a, "state") == "webhook");
        var names = await FieldNamesAsync(cancellationToken);
        return new WebhookRuleStatus(
            rule["id"]!.GetValue<long>(),
            Text(rule, "name") ?? RuleName,
            Text(rule, "trigger"),
            rule["active"] is JsonValue a && a.TryGetValue<bool>(out var active) && active,
            [.. Ids(rule["trigger_field_ids"]).Select(id => names.GetValueOrDefault(id, "#" + id))],
            action?["id"]?.GetValue<long>(),
            action is null ? null : Text(action, "webhook_url"),
            action is null ? [] : [.. Ids(action["webhook_field_ids"]).Select(id => names.GetValueOrDefault(id, "#" + id))]);
    }

    /// <summary>Removes the rule and its webhook actions; false when there was none.</summary>
    public async Task<bool> UninstallAsync(CancellationToken cancellationToken = default)
    {
        await RequireWebhooksAsync(cancellationToken);
        var rule = await FindRuleAsync(cancellationToken);
        if (rule is null)
        {
            return false;
        }

        var actionIds = Ids(rule["action_server_ids"]);
        await odoo.UnlinkAsync("base.automation", [rule["id"]!.GetValue<long>()], cancellationToken);
        if (actionIds.Count > 0)
        {
            // Odoo deletes a rule's own actions with it (base_automation_id, ondelete cascade); any left are of no use.
            var left = await odoo.SearchReadAsync("ir.actions.server", OdooDomain.Where("id", "in", actionIds.ToArray()), ["id"], cancellationToken: cancellationToken);
            if (left.Count > 0)
            {
                await odoo.UnlinkAsync("ir.actions.server", [.. left.Select(a => a["id"]!.GetValue<long>())], cancellationToken);
            }
        }

        return true;
    }

    private async Task RequireWebhooksAsync(CancellationToken cancellationToken)
    {
        var version = await odoo.GetServerVersionAsync(cancellationToken);
        if (version.Release.Webhooks == WebhookTiming.None)
        {
            throw new UnsupportedOdooVersionException(version.ServerVersion);
        }
    }

    private static JsonObject ActionValues(long modelId, Uri webhookUrl, IReadOnlyList<long> webhookFields) => new()
    {
        ["name"] = ActionName,
        ["model_id"] = modelId,
        ["state"] = "webhook",
        ["usage"] = "base_automation",
        ["webhook_url"] = webhookUrl.AbsoluteUri,
        ["webhook_field_ids"] = Replace(webhookFields),
    };

    private async Task<long> ModelIdAsync(CancellationToken cancellationToken)
    {
        var models = await odoo.SearchReadAsync("ir.model", OdooDomain.Where("model", "=", Model), ["id", "model", "name"], cancellationToken: cancellationToken);
        return models.Count == 1 ? models[0]["id"]!.GetValue<long>() : throw new InvalidOperationException("Odoo has no model mrp.production: is the Manufacturing app installed?");
    }

    private async Task<Dictionary<string, long>> FieldIdsAsync(CancellationToken cancellationToken)
    {
        var fields = await odoo.SearchReadAsync(
            "ir.model.fields", OdooDomain.Where("model", "=", Model).And("name", "in", Fields.ToArray()), ["id", "name", "ttype"], order: "id", cancellationToken: cancellationToken);
        var ids = fields.ToDictionary(f => f["name"]!.GetValue<string>(), f => f["id"]!.GetValue<long>(), StringComparer.Ordinal);
        var missing = Fields.Where(f => !ids.ContainsKey(f)).ToList();
        return missing.Count == 0 ? ids : throw new InvalidOperationException($"mrp.production has no field {string.Join(", ", missing)} in this Odoo.");
    }

    private async Task<Dictionary<long, string>> FieldNamesAsync(CancellationToken cancellationToken) =>
        (await FieldIdsAsync(cancellationToken)).ToDictionary(p => p.Value, p => p.Key);

    private async Task<JsonObject?> FindRuleAsync(CancellationToken cancellationToken)
    {
        // Archived rules count too: installing again re-activates the one that is there instead of adding a second.
        var rules = await odoo.SearchReadAsync(
            "base.automation", OdooDomain.Where("name", "=", RuleName).And("active", "in", ActiveOrArchived),
            ["id", "name", "model_id", "trigger", "trigger_field_ids", "action_server_ids", "active"], order: "id", cancellationToken: cancellationToken);
        return rules.Count > 0 ? rules[0] : null;
    }

    private async Task<IReadOnlyList<JsonObject>> ActionsAsync(JsonObject rule, CancellationToken cancellationToken)
    {
        var ids = Ids(rule["action_server_ids"]);
        return ids.Count == 0
            ? []
            : await odoo.ReadAsync("ir.actions.server", [.. ids], ["id", "name", "state", "webhook_url", "webhook_field_ids"], cancellationToken);
    }

    private static JsonArray Replace(IEnumerable<long> ids) => new(new JsonArray(6, 0, new JsonArray([.. ids.Select(id => (JsonNode)id)])));

    private static List<long> Ids(JsonNode? node) =>
        node is JsonArray array ? [.. array.OfType<JsonValue>().Select(v => v.GetValue<long>())] : [];

    private static bool SameIds(JsonNode? node, IEnumerable<long> wanted) => Ids(node).Order().SequenceEqual(wanted.Order());

    private static string? Text(JsonObject record, string field) =>
        record[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
