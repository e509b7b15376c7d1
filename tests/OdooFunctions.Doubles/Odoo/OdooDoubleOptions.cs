
namespace OdooFunctions.Doubles.Odoo;

/// <summary>How the loopback Odoo double behaves: which server version it imitates and which credentials it accepts.</summary>
public sealed class OdooDoubleOptions
{
    /// <summary>The well-known demo key; safe to print because it only opens the double.</summary>
    public const string DemoApiKey = "test-odoo-api-key-0123456789abcdef";

    /// <summary>The administrator's well-known demo password; as public as <see cref="DemoApiKey"/>.</summary>
    public const string DemoAdminApiKey = "test-odoo-admin-key-0123456789abcdef";

    /// <summary>The administrator's login (res.users 2, "Mitchell Admin", creator of the seeded records).</summary>
    public const string AdminLogin = "admin";

    /// <summary>The administrator's user id, as in every Odoo database.</summary>
    public const long AdminUid = 2;

    /// <summary>
    /// The Odoo version the double speaks: "16.0", "17.0", "18.0" (JSON-RPC only) or "19.0" (JSON-RPC and JSON-2). What
    /// differs between them is in <see cref="OdooVersion"/>; the seed is Seed/recorded-&lt;version&gt;.json.
    /// </summary>
    public string Version { get; set; } = "19.0";

    public string Database { get; set; } = "odoo_test";

    public string Login { get; set; } = "api@yourcompany.com";

    public string ApiKey { get; set; } = DemoApiKey;

    /// <summary>
    /// The administrator's password or API key (login <see cref="AdminLogin"/>, uid <see cref="AdminUid"/>): JSON-RPC
    /// authenticate/execute_kw and, on 19.0, a JSON-2 bearer key. Only the administrator may create automation rules.
    /// </summary>
    public string AdminApiKey { get; set; } = DemoAdminApiKey;

    /// <summary>
    /// Whether automation rules with a "Send Webhook Notification" action POST to their URL (as Odoo does). False: rules
    /// can still be created and read, but nothing is sent and nothing lands in <see cref="OdooDoubleServer.Webhooks"/>.
    /// </summary>
    public bool SendWebhooks { get; set; } = true;

    /// <summary>
    /// How long a webhook POST may take to connect and for each read of the answer: Odoo's <c>requests.post(..., timeout=1)</c>.
    /// Tests whose receiver does real work on a loaded machine may allow more; the timeout's log line stays Odoo's.
    /// </summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// 17.0 and 18.0 (webhooks before the commit): how long a call that sent webhooks takes from its last POST to its commit (real 17.0: 38 ms p50, up to
    /// 216 ms), during which a read still sees the old state. Zero by default: commit right after the POSTs.
    /// </summary>
    public TimeSpan CommitDelayAfterWebhooks { get; set; }

    /// <summary>Where the double writes the lines Odoo logs about webhooks (also kept in <see cref="OdooDoubleServer.Log"/>). Null: nowhere else.</summary>
    public TextWriter? LogWriter { get; set; }

    /// <summary>The API user's id; defaults to the recordings' (<see cref="OdooVersion.ApiUid"/>: 8 up to 18.0, 7 on 19.0).</summary>
    public long? Uid { get; set; }

    /// <summary>
    /// Whether the API user has an accounting group that may read analytic lines. The recordings' API user had none, so
    /// 19.0 refused it a backorder split (webhooks 19.0/05-f: AccessError, rolled back); true by default so that tests
    /// not about rights split on every version. Set false to meet the recorded user.
    /// </summary>
    public bool ApiUserReadsAnalyticLines { get; set; } = true;

    /// <summary>Added to every call.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>Seed the records the recordings show (products, partners, MOs in every state, quants).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// Like Odoo's database connection pool (<c>db_maxconn</c>, 64 by default): a call that arrives while this many are
    /// in flight is answered the recorded <c>500 text/html</c> page (shared/odoo-faults, PoolError) without running.
    /// Null: no limit.
    /// </summary>
    public int? MaxConcurrentCalls { get; set; }

    // The keys are secrets even in a double: keep them out of logs and test output.
    public override string ToString() =>
        $"OdooDoubleOptions {{ Version = {Version}, Database = {Database}, Login = {Login}, ApiKey = ***, AdminApiKey = ***, Uid = {Uid}, Port = {Port}, MaxConcurrentCalls = {MaxConcurrentCalls}, SendWebhooks = {SendWebhooks}, WebhookTimeout = {WebhookTimeout} }}";
}
