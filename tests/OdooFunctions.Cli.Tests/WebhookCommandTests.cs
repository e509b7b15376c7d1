using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using OdooFunctions.Cli.Webhooks;
using OdooFunctions.Doubles.Odoo;

namespace OdooFunctions.Cli.Tests;

/// <summary><c>odoofunctions webhook ...</c> against the Odoo double, as an Odoo administrator would run it.</summary>
public sealed class WebhookCommandTests : IAsyncLifetime
{
    private const string Secret = "webhook-code-for-the-cli-tests-7f3a";
    private const string AppUrl = "https://odoofunctions-test.azurewebsites.net";
    private readonly string _adminKey = "admin-" + Guid.NewGuid().ToString("N");
    private OdooDoubleServer _odoo = null!;

    /// <summary>The versions whose automation rules can send webhooks (17.0 on), from the double's version table.</summary>
    public static TheoryData<string> Versions => [.. OdooVersion.All.Where(v => v.HasWebhookAction).Select(v => v.Name)];

    public Task InitializeAsync() => StartAsync("19.0");

    public async Task DisposeAsync() => await _odoo.DisposeAsync();

    private async Task StartAsync(string version)
    {
        if (_odoo is not null)
        {
            await _odoo.DisposeAsync();
        }

        _odoo = await OdooDoubleServer.StartAsync(new OdooDoubleOptions { Version = version, AdminApiKey = _adminKey, SendWebhooks = false });
    }

    private Dictionary<string, string?> Settings(string? adminKey = null) => new()
    {
        ["ODOO_URL"] = _odoo.BaseAddress.AbsoluteUri,
        ["ODOO_DB"] = _odoo.Options.Database,
        ["ODOO_ADMIN_API_KEY"] = adminKey ?? _adminKey,
        ["ODOO_WEBHOOK_SECRET"] = Secret,
    };

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await WebhookCommand.RunAsync(args, configuration, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private IReadOnlyList<JsonObject> Rules() => _odoo.Store.All("base.automation");

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Install_twice_leaves_one_rule_on_state_changes_posting_to_the_receiver_with_the_code(string version)
    {
        await StartAsync(version);

        var first = await RunAsync(Settings(), "install", "--url", AppUrl);
        var second = await RunAsync(Settings(), "install", "--url", AppUrl + "/");

        Assert.Equal((0, ""), (first.Exit, first.Errors));
        Assert.Equal(0, second.Exit);
        var rule = Assert.Single(Rules());
        Assert.Equal(WebhookRuleInstaller.RuleName, rule["name"]!.GetValue<string>());
        Assert.Equal("on_write", rule["trigger"]!.GetValue<string>());
        var action = Assert.Single(_odoo.Store.All("ir.actions.server"), a => a["state"]?.GetValue<string>() == "webhook");
        Assert.Equal($"{AppUrl}/api/odoo/webhooks/mrp-production?code={Secret}", action["webhook_url"]!.GetValue<string>());
        foreach (var text in new[] { first.Output, second.Output, first.Errors, second.Errors })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(_adminKey, text, StringComparison.Ordinal);
        }

        Assert.Contains("code=***", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_with_a_new_address_updates_the_one_rule_instead_of_adding_one()
    {
        await RunAsync(Settings(), "install", "--url", AppUrl);

        var moved = await RunAsync(Settings(), "install", "--url", "https://moved.example.com");

        Assert.Equal(0, moved.Exit);
        Assert.Single(Rules());
        var action = Assert.Single(_odoo.Store.All("ir.actions.server"), a => a["state"]?.GetValue<string>() == "webhook");
        Assert.StartsWith("https://moved.example.com/api/odoo/webhooks/mrp-production?code=", action["webhook_url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_create_with_the_code_masked_and_sends_nothing()
    {
        var dry = await RunAsync(Settings(), "install", "--url", AppUrl, "--dry-run");

        Assert.Equal(0, dry.Exit);
        Assert.Contains("base.automation.create", dry.Output, StringComparison.Ordinal);
        Assert.Contains("code=***", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, dry.Output, StringComparison.Ordinal);
        Assert.Empty(Rules());

        await RunAsync(Settings(), "install", "--url", AppUrl);
        var again = await RunAsync(Settings(), "install", "--url", AppUrl, "--dry-run");
        Assert.Contains("nothing would be sent", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_the_rule_and_uninstall_removes_it_and_its_action()
    {
        var none = await RunAsync(Settings(), "status");
        Assert.Equal(1, none.Exit);

        await RunAsync(Settings(), "install", "--url", AppUrl);
        var status = await RunAsync(Settings(), "status");
        Assert.True(status.Exit == 0, status.Output + status.Errors);
        Assert.Contains("on_write of state", status.Output, StringComparison.Ordinal);
        Assert.Contains("write_date", status.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, status.Output, StringComparison.Ordinal);

        var dry = await RunAsync(Settings(), "uninstall", "--dry-run");
        Assert.Single(Rules());
        Assert.Contains("would unlink", dry.Output, StringComparison.Ordinal);

        var removed = await RunAsync(Settings(), "uninstall");
        Assert.True(removed.Exit == 0, removed.Output + removed.Errors);
        Assert.Empty(Rules());
        Assert.DoesNotContain(_odoo.Store.All("ir.actions.server"), a => a["state"]?.GetValue<string>() == "webhook");
        Assert.Contains("No rule to remove", (await RunAsync(Settings(), "uninstall")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_users_key_is_refused_by_Odoo_with_a_message_that_asks_for_an_administrator()
    {
        var settings = Settings(adminKey: _odoo.Options.ApiKey);
        settings["ODOO_ADMIN_USERNAME"] = _odoo.Options.Login;

        var refused = await RunAsync(settings, "install", "--url", AppUrl);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("administrator", refused.Errors, StringComparison.Ordinal);
        Assert.Empty(Rules());
    }

    [Fact]
    public async Task Missing_settings_are_named_and_nothing_is_sent()
    {
        var settings = Settings();
        settings["ODOO_ADMIN_API_KEY"] = null;
        settings["ODOO_WEBHOOK_SECRET"] = "short";

        var result = await RunAsync(settings, "install", "--url", AppUrl);

        Assert.Equal(2, result.Exit);
        Assert.Contains("ODOO_ADMIN_API_KEY", result.Errors, StringComparison.Ordinal);
        Assert.Contains("ODOO_WEBHOOK_SECRET", result.Errors, StringComparison.Ordinal);
        Assert.Equal(0, _odoo.Calls.Total);
    }

    [Fact]
    public async Task Odoo_16_0_is_refused_with_a_message_that_the_timer_still_syncs_and_nothing_is_created()
    {
        await StartAsync("16.0");

        var result = await RunAsync(Settings(), "install", "--url", AppUrl);

        Assert.Equal(3, result.Exit);
        Assert.Contains("Odoo 16.0-20240216 cannot send webhooks", result.Errors, StringComparison.Ordinal);
        Assert.Contains("timer", result.Errors, StringComparison.Ordinal);
        Assert.Empty(_odoo.Store.All("base.automation"));
        Assert.Empty(_odoo.Store.All("ir.actions.server"));
        Assert.DoesNotContain(_adminKey, result.Output + result.Errors, StringComparison.Ordinal);
    }
}
