namespace OdooFunctions.Doubles.Odoo;

/// <summary>How the loopback Odoo double behaves: which server version it imitates and which credentials it accepts.</summary>
public sealed class OdooDoubleOptions
{
    /// <summary>The well-known demo key; safe to print because it only opens the double.</summary>
    public const string DemoApiKey = "test-odoo-api-key-0123456789abcdef";

    /// <summary>"19.0" (JSON-RPC and JSON-2) or "17.0" (JSON-RPC only).</summary>
    public string Version { get; set; } = "19.0";

    public string Database { get; set; } = "odoo_test";

    public string Login { get; set; } = "api@yourcompany.com";

    public string ApiKey { get; set; } = DemoApiKey;

    /// <summary>The API user's id; defaults to the recordings' (7 on 19.0, 8 on 17.0).</summary>
    public long? Uid { get; set; }

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

    // The key is a secret even in a double: keep it out of logs and test output.
    public override string ToString() =>
        $"OdooDoubleOptions {{ Version = {Version}, Database = {Database}, Login = {Login}, ApiKey = ***, Uid = {Uid}, Port = {Port}, MaxConcurrentCalls = {MaxConcurrentCalls} }}";
}
