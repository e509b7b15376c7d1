using System.Net;
using System.Text.Json.Nodes;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Doubles.Tests.Odoo;

/// <summary>The administrator and the automation rule models beyond what the recordings show (see AutomationRuleContractTests).</summary>
public sealed class AutomationRuleTests
{
    private const string Url = "http://127.0.0.1:9/api/odoo/webhooks/mrp-production?code=abc";

    private static readonly JsonArray RuleFields = new("name", "trigger", "trigger_field_ids", "action_server_ids", "active");

    [Theory]
    [InlineData("19.0")]
    [InlineData("17.0")]
    public async Task Admin_logs_in_with_the_admin_key_only(string version)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        async Task<JsonNode?> Authenticate(string login, string key) =>
            (await OdooRpc.CommonAsync(http, "authenticate", new JsonArray("odoo_test", login, key, new JsonObject())))["result"];

        Assert.Equal(2, (await Authenticate("admin", OdooDoubleOptions.DemoAdminApiKey))!.GetValue<long>());
        Assert.False((await Authenticate("admin", server.Options.ApiKey))!.GetValue<bool>());
        Assert.False((await Authenticate(server.Options.Login, OdooDoubleOptions.DemoAdminApiKey))!.GetValue<bool>());
        var asApiUid = await OdooRpc.ExecuteKwAsync(http, OdooDoubleOptions.DemoAdminApiKey, server.Options.Uid ?? (version == "19.0" ? 7 : 8), "res.users", "context_get", []);
        Assert.Equal("odoo.exceptions.AccessDenied", asApiUid["error"]!["data"]!["name"]!.GetValue<string>());
        var context = await OdooRpc.ExecuteKwAsync(http, OdooDoubleOptions.DemoAdminApiKey, 2, "res.users", "context_get", []);
        Assert.Equal(2, context["result"]!["uid"]!.GetValue<long>());
    }

    [Fact]
    public async Task Admin_key_is_a_json2_bearer_key_on_19_and_only_the_admin_may_create_a_rule()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var rule = RuleValues(await FieldId(http, "state"));

        using var refused = await OdooRpc.Json2Async(http, server.Options.ApiKey, "base.automation", "create", new JsonObject { ["vals_list"] = new JsonArray(rule.DeepClone()) });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not allowed to create 'Automation Rule'", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var created = await OdooRpc.Json2Async(http, OdooDoubleOptions.DemoAdminApiKey, "base.automation", "create", new JsonObject { ["vals_list"] = new JsonArray(rule) });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("[1]", await created.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("19.0", "Send MO to webhook receiver")]
    [InlineData("17.0", "Send Webhook Notification")]
    public async Task Add_webhook_rule_installs_what_the_recorded_create_makes(string version, string actionName)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var installed = server.AddWebhookRule(Url);

        var rule = (await Admin(http, "base.automation", "read", new JsonArray(new JsonArray(installed.RuleId), RuleFields.DeepClone())))["result"]![0]!;
        Assert.Equal("on_write", rule["trigger"]!.GetValue<string>());
        Assert.Equal([await FieldId(http, "state")], rule["trigger_field_ids"]!.AsArray().Select(id => id!.GetValue<long>()));
        Assert.Equal([installed.ActionId], rule["action_server_ids"]!.AsArray().Select(id => id!.GetValue<long>()));
        var action = (await Admin(http, "ir.actions.server", "read", new JsonArray(new JsonArray(installed.ActionId), new JsonArray("name", "state", "usage", "webhook_url", "webhook_field_ids"))))["result"]![0]!;
        Assert.Equal(actionName, action["name"]!.GetValue<string>());
        Assert.Equal(Url, action["webhook_url"]!.GetValue<string>());
        Assert.Equal(8, action["webhook_field_ids"]!.AsArray().Count);
    }

    [Fact]
    public async Task Rule_and_action_can_be_written_searched_and_unlinked_and_the_rule_takes_its_actions_along()
    {
        await using var server = await OdooDoubleServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var installed = server.AddWebhookRule(Url);

        Assert.True((await Admin(http, "base.automation", "write", new JsonArray(new JsonArray(installed.RuleId), new JsonObject
        {
            ["trigger"] = "on_create_or_write", ["trigger_field_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray())), ["active"] = false,
        })))["result"]!.GetValue<bool>());
        Assert.True((await Admin(http, "ir.actions.server", "write", new JsonArray(new JsonArray(installed.ActionId), new JsonObject { ["webhook_url"] = "http://127.0.0.1:9/other" })))["result"]!.GetValue<bool>());

        var found = (await Admin(http, "base.automation", "search_read", new JsonArray(new JsonArray(new JsonArray("active", "=", false))), new JsonObject { ["fields"] = RuleFields.DeepClone() }))["result"]!.AsArray();
        var rule = Assert.Single(found)!;
        Assert.Equal("on_create_or_write", rule["trigger"]!.GetValue<string>());
        Assert.Empty(rule["trigger_field_ids"]!.AsArray());
        Assert.Equal("http://127.0.0.1:9/other", server.Store.Get("ir.actions.server", installed.ActionId)!["webhook_url"]!.GetValue<string>());

        Assert.True((await Admin(http, "base.automation", "unlink", new JsonArray(new JsonArray(installed.RuleId))))["result"]!.GetValue<bool>());
        Assert.Empty(server.Store.All("base.automation"));
        // ir.actions.server.base_automation_id is ondelete='cascade': the rule's action goes with it.
        Assert.Empty(server.Store.All("ir.actions.server"));
    }

    [Theory]
    [InlineData("19.0", "access")]
    [InlineData("17.0", "modify")]
    public async Task Api_user_may_not_change_the_action_or_remove_the_rule(string version, string writeWord)
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var installed = server.AddWebhookRule(Url);
        var uid = version == "19.0" ? 7 : 8;

        var write = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, uid, "ir.actions.server", "write", new JsonArray(new JsonArray(installed.ActionId), new JsonObject { ["webhook_url"] = "http://evil.example/" }));
        Assert.StartsWith($"You are not allowed to {writeWord} 'Server Action' (ir.actions.server) records.", write["error"]!["data"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var unlink = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, uid, "base.automation", "unlink", new JsonArray(new JsonArray(installed.RuleId)));
        Assert.Equal("odoo.exceptions.AccessError", unlink["error"]!["data"]!["name"]!.GetValue<string>());
        Assert.Equal(Url, server.Store.Get("ir.actions.server", installed.ActionId)!["webhook_url"]!.GetValue<string>());
        Assert.Single(server.Store.All("base.automation"));
    }

    [Fact]
    public async Task Without_webhooks_a_rule_fires_nothing()
    {
        await using var server = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { SendWebhooks = false });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        server.AddWebhookRule(Url);
        var product = server.Store.All("product.product").First(p => p["default_code"]?.ToString() == "MFG-FG-1001")["id"]!.GetValue<long>();

        var created = await OdooRpc.ExecuteKwAsync(http, server.Options.ApiKey, 7, "mrp.production", "create", new JsonArray(new JsonObject { ["product_id"] = product, ["product_qty"] = 1 }));
        Assert.True(created["result"]!.GetValue<long>() > 0);
        Assert.Equal(0, server.Webhooks.Count);
        Assert.Empty(server.Log.Lines);
    }

    private static JsonObject RuleValues(long stateField) => new()
    {
        ["name"] = "rule", ["model_id"] = 602, ["trigger"] = "on_write", ["trigger_field_ids"] = new JsonArray(new JsonArray(6, 0, new JsonArray(stateField))),
        ["action_server_ids"] = new JsonArray(new JsonArray(0, 0, new JsonObject { ["name"] = "hook", ["state"] = "webhook", ["webhook_url"] = Url })),
    };

    private static async Task<long> FieldId(HttpClient http, string name) =>
        (await Admin(http, "ir.model.fields", "search_read", new JsonArray(new JsonArray(new JsonArray("model", "=", "mrp.production"), new JsonArray("name", "=", name))), new JsonObject { ["fields"] = new JsonArray("id") }))["result"]![0]!["id"]!.GetValue<long>();

    private static Task<JsonObject> Admin(HttpClient http, string model, string method, JsonArray args, JsonObject? kwargs = null) =>
        OdooRpc.ExecuteKwAsync(http, OdooDoubleOptions.DemoAdminApiKey, OdooDoubleOptions.AdminUid, model, method, args, kwargs);
}
