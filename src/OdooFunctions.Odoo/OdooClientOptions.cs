namespace OdooFunctions.Odoo;

/// <summary>
/// Where and how to reach Odoo. The API key is deliberately not here: it comes from an
/// <see cref="IOdooApiKeyProvider"/>, so printing or logging the options can never leak it.
/// </summary>
public sealed class OdooClientOptions
{
    /// <summary>Base address of the Odoo server, e.g. <c>https://mycompany.odoo.com</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The database name (JSON-RPC argument, JSON-2 <c>X-Odoo-Database</c> header).</summary>
    public string Database { get; set; } = "";

    /// <summary>The API user's login (JSON-RPC <c>common.authenticate</c>).</summary>
    public string Username { get; set; } = "";

    public OdooProtocol Protocol { get; set; } = OdooProtocol.Auto;

    /// <summary>Bound on one attempt of one call.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bound on a whole call, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Retries of reads on transient failures (connection errors, 502/503/504, timeouts, and the HTML 500 page Odoo
    /// answers when its connection pool is full). Writes are never retried.
    /// </summary>
    public int MaxReadRetries { get; set; } = 2;

    /// <summary>First backoff delay between read retries (exponential with jitter after that).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Most calls this process has in flight to Odoo at once; the others wait (see <see cref="MaxQueueWait"/>).
    /// Odoo sees at most this times the number of app instances.
    /// </summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>How long a call waits for a place under <see cref="MaxConcurrentCalls"/> before it is refused.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After Odoo rejected the key: at most one fresh read of it and one login per this interval, shared by every
    /// caller. In between, calls fail at once with the same <see cref="OdooAuthenticationException"/>, so a revoked
    /// key cannot turn each request into a vault read and a login (Odoo's login cooldown would lock the user out).
    /// </summary>
    public TimeSpan RenewalInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bound on one answer's body. Beyond it the call fails (<see cref="OdooResponseTooLargeException"/>) without
    /// reading the rest into memory. At most <see cref="int.MaxValue"/> bytes.
    /// </summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    public override string ToString() =>
        $"OdooClientOptions {{ Url = {Url}, Database = {Database}, Username = {Username}, Protocol = {Protocol}, MaxConcurrentCalls = {MaxConcurrentCalls} }}";
}
