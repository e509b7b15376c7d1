using OdooFunctions.Doubles.Dashboard;
using OdooFunctions.Doubles.Odoo;
using OdooFunctions.Doubles.Storage;

namespace OdooFunctions.FunctionsHost;

/// <summary>
/// The app settings a test starts the app with, built in one place:
/// <c>TestSettings.For(odoo).WithDashboard(dashboard).With("SYNC_LEASE_SECONDS", "1").Build()</c>.
/// A value set to null is removed again (the app's default applies).
/// </summary>
public sealed class TestSettings
{
    private readonly Dictionary<string, string?> _values;

    private TestSettings(Dictionary<string, string?> values) => _values = values;

    /// <summary>
    /// The fewest settings the app starts with: an Odoo that is never called (no test here reaches it), the shared
    /// token secret, local storage, and the settings the host's triggers name (the timer's schedule, the webhook queue).
    /// No issuer or audience, so that a test can add or leave out each.
    /// </summary>
    public static TestSettings Minimal() => new(new Dictionary<string, string?>
    {
        ["ODOO_URL"] = "https://odoo.example.com",
        ["ODOO_DB"] = "odoo",
        ["ODOO_USERNAME"] = "api@yourcompany.com",
        ["ODOO_API_KEY"] = "test-key-value-0123456789",
        ["AUTH_JWT_SECRET"] = TestTokens.Secret,
        ["AzureWebJobsStorage"] = LocalAzurite.ConnectionString,
        ["SYNC_SCHEDULE"] = "0 */5 * * * *",
        ["WEBHOOK_QUEUE"] = "odoo-mo-changes",
    });

    /// <summary>
    /// The app against an Odoo double, taking the tokens <see cref="TestTokens"/> makes, with room for a test's burst of
    /// requests (<c>RATE_LIMIT_PER_MINUTE</c>) and Odoo calls that give up after 3 s instead of 30 (a hung double).
    /// </summary>
    public static TestSettings For(OdooDoubleServer odoo) => Minimal()
        .WithOdoo(odoo)
        .With("AUTH_JWT_ISSUER", TestTokens.Issuer)
        .With("AUTH_JWT_AUDIENCE", TestTokens.Audience)
        .With("RATE_LIMIT_PER_MINUTE", "100000")
        .With("ODOO_TIMEOUT_SECONDS", "3");

    /// <summary>Odoo's address, database, login and API key: the double's.</summary>
    public TestSettings WithOdoo(OdooDoubleServer odoo) => this
        .With("ODOO_URL", odoo.BaseAddress.AbsoluteUri)
        .With("ODOO_DB", odoo.Options.Database)
        .With("ODOO_USERNAME", odoo.Options.Login)
        .With("ODOO_API_KEY", odoo.Options.ApiKey);

    /// <summary>The dashboard API the sync calls, and its token: the double's.</summary>
    public TestSettings WithDashboard(DashboardDoubleServer dashboard) => this
        .With("DASHBOARD_API_URL", dashboard.BaseAddress.AbsoluteUri)
        .With("DASHBOARD_API_TOKEN", dashboard.Options.Token);

    public TestSettings With(string name, string? value)
    {
        _values[name] = value;
        return this;
    }

    public TestSettings With(IEnumerable<KeyValuePair<string, string?>>? values)
    {
        foreach (var (name, value) in values ?? [])
        {
            _values[name] = value;
        }

        return this;
    }

    /// <summary>A copy: the test may change it, and build again.</summary>
    public Dictionary<string, string?> Build() => new(_values);
}
