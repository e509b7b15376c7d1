using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Auth;
using OdooFunctions.Functions.Secrets;
using OdooFunctions.Functions.Settings;

namespace OdooFunctions.Functions.Tests.App;

/// <summary>A bad configuration stops the start with the guide's message; an insecure Odoo URL is warned about.</summary>
public sealed class SettingsTests
{
    /// <summary>Builds the app's container, which checks the settings as the host does at start.</summary>
    private static void Start(Dictionary<string, string?> settings) => AppContainer.Build(settings).Dispose();

    [Fact]
    public void Missing_settings_stop_the_start_naming_each_one()
    {
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(new() { ["ODOO_DB"] = "odoo" }));
        Assert.Contains("Missing required environment variables: ODOO_URL, ODOO_USERNAME, ODOO_API_KEY (or KEY_VAULT_URI), AUTH_JWT_SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_given_but_unreadable_is_reported_as_bad_not_also_as_missing()
    {
        var settings = Complete();
        settings["ODOO_URL"] = "http://";

        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));

        Assert.Contains(failure.Problems, p => p.StartsWith("ODOO_URL must be an absolute", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Problems, p => p.StartsWith(InvalidSettingsException.MissingPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ODOO_URL", "not a url", "ODOO_URL")]
    [InlineData("ODOO_PROTOCOL", "soap", "ODOO_PROTOCOL")]
    [InlineData("RATE_LIMIT_PER_MINUTE", "-5", "RATE_LIMIT_PER_MINUTE")]
    [InlineData("KEY_VAULT_URI", "http://vault.example", "KEY_VAULT_URI")]
    [InlineData("IDEMPOTENCY_LEASE_SECONDS", "soon", "IDEMPOTENCY_LEASE_SECONDS")]
    [InlineData("IDEMPOTENCY_LEASE_SECONDS", "30", "longer than the Odoo call timeout")]
    [InlineData("ODOO_TIMEOUT_SECONDS", "75", "IDEMPOTENCY_LEASE_SECONDS must be longer")]
    [InlineData("ODOO_MAX_CONCURRENT_CALLS", "0", "ODOO_MAX_CONCURRENT_CALLS")]
    [InlineData("ODOO_MAX_CONCURRENT_CALLS", "many", "ODOO_MAX_CONCURRENT_CALLS")]
    [InlineData("SYNC_LEASE_SECONDS", "-1", "SYNC_LEASE_SECONDS")]
    [InlineData("AUTH_JWT_AUTHORITY", "http://login.example.com/tenant", "AUTH_JWT_AUTHORITY must be an absolute https URL")]
    [InlineData("AUTH_JWT_AUTHORITY", "not a url", "AUTH_JWT_AUTHORITY must be an absolute https URL")]
    [InlineData("AUTH_JWT_REFRESH_SECONDS", "0", "AUTH_JWT_REFRESH_SECONDS must be a positive whole number")]
    [InlineData("AUTH_JWT_REFRESH_SECONDS", "90000", "AUTH_JWT_REFRESH_SECONDS must be at most 86400")]
    [InlineData("MAX_RESPONSE_MB", "0", "MAX_RESPONSE_MB must be a positive whole number")]
    [InlineData("MAX_RESPONSE_MB", "4096", "MAX_RESPONSE_MB must be at most 2047")]
    [InlineData("WEBHOOK_QUEUE", "Odoo_Changes", "WEBHOOK_QUEUE must be 3-63 lowercase letters")]
    [InlineData("WEBHOOK_INITIAL_DELAY_SECONDS", "-1", "WEBHOOK_INITIAL_DELAY_SECONDS must be a whole number of at least 0")]
    [InlineData("WEBHOOK_INITIAL_DELAY_SECONDS", "61", "WEBHOOK_INITIAL_DELAY_SECONDS must be at most 60")]
    [InlineData("WEBHOOK_RECHECKS", "soon", "WEBHOOK_RECHECKS must be a whole number of at least 0")]
    [InlineData("PUSH_INDEX_REFRESH_SECONDS", "0", "PUSH_INDEX_REFRESH_SECONDS must be a positive whole number")]
    [InlineData("PUSH_INDEX_TABLE", "moorder-index", "PUSH_INDEX_TABLE must be 3-63 letters and digits")]
    [InlineData("SYNC_SCHEDULE", "0 */5 * * *", "SYNC_SCHEDULE must be a six-field NCRONTAB schedule")]
    [InlineData("SYNC_SCHEDULE", "00:05:00", "SYNC_SCHEDULE must be a six-field NCRONTAB schedule")]
    [InlineData("ODOO_PROTOCOL", "1", "ODOO_PROTOCOL must be auto, jsonrpc or json2")]
    public void A_malformed_setting_stops_the_start_naming_it(string name, string value, string named)
    {
        var settings = Complete();
        settings[name] = value;
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key-value", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SYNC_SCHEDULE")]
    [InlineData("WEBHOOK_QUEUE")]
    public void A_setting_a_trigger_names_is_required_because_the_host_has_no_default_for_it(string name)
    {
        // Without it the host would start the app, which answers HTTP, and never run that trigger.
        var settings = Complete();
        settings[name] = null;
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Equal(new[] { InvalidSettingsException.Missing(name) }, failure.Problems);
    }

    [Fact]
    public void Both_trigger_settings_missing_are_named_on_the_one_missing_line()
    {
        var settings = Complete();
        settings["SYNC_SCHEDULE"] = " ";
        settings["WEBHOOK_QUEUE"] = null;
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Equal(new[] { "Missing required environment variables: SYNC_SCHEDULE, WEBHOOK_QUEUE" }, failure.Problems);
    }

    [Fact]
    public void Lists_are_comma_separated_and_a_list_not_given_keeps_its_default()
    {
        var settings = Complete();
        settings["AUTH_JWT_AUDIENCE"] = " api://odoo-functions , 6f1c2b9e ,";
        settings["AUTH_READ_ROLES"] = "Viewer, admin";
        using var provider = AppContainer.Build(settings);

        var options = provider.GetRequiredService<DashboardAuthOptions>();

        Assert.Equal(["api://odoo-functions", "6f1c2b9e"], options.Audiences);
        Assert.Equal(["Viewer", "admin"], options.ReadRoles);
        Assert.Equal(["Admin", "Manager"], options.WriteRoles);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void A_bad_rate_limit_stops_the_start_instead_of_falling_back_to_120(string value)
    {
        var settings = Complete();
        settings["RATE_LIMIT_PER_MINUTE"] = value;
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Contains("RATE_LIMIT_PER_MINUTE must be a positive whole number", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_auth_part_on_its_own_refuses_a_bad_rate_limit_and_uses_a_good_one()
    {
        // As the CLI's check-token composes it: no Odoo, no sync, only the token check and its secrets.
        static ServiceProvider AuthOnly(string rateLimit)
        {
            return AppContainer.BuildPart(
                TestSettings.Minimal().With("RATE_LIMIT_PER_MINUTE", rateLimit).Build(),
                (services, configuration) => services.AddDashboardAuth(configuration).AddSecrets(configuration));
        }

        using (var refused = AuthOnly("many"))
        {
            var failure = Assert.Throws<InvalidSettingsException>(refused.CheckSettings);
            Assert.Equal(new[] { "RATE_LIMIT_PER_MINUTE must be a positive whole number" }, failure.Problems);
        }

        using var accepted = AuthOnly("30");
        accepted.CheckSettings();
        Assert.Equal(30, accepted.GetRequiredService<DashboardAuthOptions>().RequestsPerMinute);
    }

    [Fact]
    public void Problems_of_every_part_come_in_one_message_missing_settings_on_one_line()
    {
        var settings = Complete();
        settings["ODOO_USERNAME"] = " ";
        settings["ODOO_MAX_CONCURRENT_CALLS"] = "many";
        settings["SECRET_CACHE_TTL"] = "an hour";
        settings["AUTH_JWT_AUTHORITY"] = "https://login.example.com/tenant/v2.0";
        settings["RATE_LIMIT_PER_MINUTE"] = "0";
        settings["SYNC_BATCH_SIZE"] = "6000";
        settings["MAX_RESPONSE_MB"] = "4096";
        settings["WEBHOOK_RECHECKS"] = "11";

        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));

        Assert.Equal(
            new[]
            {
                "Missing required environment variables: ODOO_USERNAME, AUTH_JWT_AUDIENCE (required with AUTH_JWT_AUTHORITY)",
                "ODOO_MAX_CONCURRENT_CALLS must be a positive whole number",
                "MAX_RESPONSE_MB must be at most 2047",
                "SECRET_CACHE_TTL must be a positive duration, 'hh:mm:ss' or whole seconds (got 'an hour').",
                "RATE_LIMIT_PER_MINUTE must be a positive whole number",
                "SYNC_BATCH_SIZE must be at most 5000",
                "WEBHOOK_RECHECKS must be at most 10",
            },
            failure.Problems);
    }

    [Fact]
    public void With_an_authority_the_audience_is_required_and_named()
    {
        var settings = Complete();
        settings["AUTH_JWT_SECRET"] = null;
        settings["AUTH_JWT_AUTHORITY"] = "https://login.example.com/tenant/v2.0";
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Contains("Missing required environment variables: AUTH_JWT_AUDIENCE", failure.Message, StringComparison.Ordinal);

        settings["AUTH_JWT_AUDIENCE"] = "api://odoo-functions";
        Assert.Null(Record.Exception(() => Start(settings)));
    }

    [Fact]
    public void A_shared_secret_shorter_than_32_bytes_stops_the_start_without_showing_it()
    {
        var settings = Complete();
        settings["AUTH_JWT_SECRET"] = "too-short-secret-31-bytes-long!";
        var failure = Assert.Throws<InvalidSettingsException>(() => Start(settings));
        Assert.Contains("AUTH_JWT_SECRET must be at least 32 bytes for HS256", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("too-short-secret", failure.Message, StringComparison.Ordinal);

        settings["AUTH_JWT_SECRET"] = "exactly-32-bytes-of-secret-text!";
        Assert.Null(Record.Exception(() => Start(settings)));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("https://dashboard.test", null, true)]
    [InlineData(null, "odoo-functions", true)]
    [InlineData("https://dashboard.test", "odoo-functions", false)]
    public async Task Shared_secret_tokens_without_issuer_or_audience_log_one_warning_at_start(string? issuer, string? audience, bool warned)
    {
        var settings = Complete();
        settings["AUTH_JWT_ISSUER"] = issuer;
        settings["AUTH_JWT_AUDIENCE"] = audience;
        await using var app = await FunctionsTestHost.StartAsync(settings);
        var warnings = app.Logs.GetSnapshot().Count(r => r.Message.Contains("any token signed with the secret is accepted", StringComparison.Ordinal));
        Assert.Equal(warned ? 1 : 0, warnings);
    }

    [Theory]
    [InlineData("http://dashboard.example.com/api", true)]
    [InlineData("https://dashboard.example.com/api", false)]
    [InlineData("http://127.0.0.1:5000/api", false)]
    public async Task A_plain_http_dashboard_url_logs_the_same_warning_except_on_loopback(string url, bool warned)
    {
        var settings = Complete();
        settings["DASHBOARD_API_URL"] = url;
        await using var app = await FunctionsTestHost.StartAsync(settings);
        Assert.Equal(warned, app.Logs.GetSnapshot().Any(r => r.Message.Contains("DASHBOARD_API_URL is not using HTTPS", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_complete_configuration_starts()
    {
        var exception = Record.Exception(() => Start(Complete()));
        Assert.Null(exception);
    }

    [Fact]
    public void The_Odoo_call_bound_comes_from_its_setting_and_waits_as_long_as_one_call_may_take()
    {
        var settings = Complete();
        settings["ODOO_MAX_CONCURRENT_CALLS"] = "24";
        settings["ODOO_TIMEOUT_SECONDS"] = "12";
        using var provider = AppContainer.Build(settings);

        var options = provider.GetRequiredService<IOptions<OdooFunctions.Odoo.OdooClientOptions>>().Value;

        Assert.Equal(24, options.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.FromSeconds(12), options.MaxQueueWait);
        Assert.Equal(16, new OdooFunctions.Odoo.OdooClientOptions().MaxConcurrentCalls);
    }

    [Theory]
    [InlineData("http://odoo.example.com", true)]
    [InlineData("https://odoo.example.com", false)]
    [InlineData("http://127.0.0.1:8069", false)]
    public async Task A_plain_http_Odoo_url_logs_the_guides_warning_except_on_loopback(string url, bool warned)
    {
        var settings = Complete();
        settings["ODOO_URL"] = url;
        await using var app = await FunctionsTestHost.StartAsync(settings);
        Assert.Equal(warned, app.Logs.GetSnapshot().Any(r => r.Message.Contains("ODOO_URL is not using HTTPS", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_plain_http_warning_names_the_server_but_not_credentials_written_into_the_url()
    {
        var settings = Complete();
        settings["ODOO_URL"] = "http://integration:url-password-0123456789@odoo.example.com/odoo";
        await using var app = await FunctionsTestHost.StartAsync(settings);

        var warning = Assert.Single(app.Logs.GetSnapshot(), r => r.Message.Contains("ODOO_URL is not using HTTPS", StringComparison.Ordinal));
        Assert.Contains("http://odoo.example.com/odoo", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("url-password-0123456789", warning.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Complete() => TestSettings.Minimal().Build();
}
