using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OdooFunctions.Doubles.KeyVault;

/// <summary>
/// A loopback Azure Key Vault that speaks the secrets REST API over HTTPS, so the real
/// <c>SecretClient</c> talks to it: the unauthenticated first request gets the 401 bearer challenge,
/// later requests must carry <see cref="AccessToken"/>. Secrets live in memory, with versions.
/// </summary>
public sealed partial class KeyVaultDoubleServer : IAsyncDisposable
{
    /// <summary>The resource Key Vault names in its challenge; SecretClient asks for <c>{resource}/.default</c>.</summary>
    public const string Resource = "https://vault.azure.net";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, SecretHistory> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _reads = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _denied = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<KeyVaultFault> _faults = new();
    private int _challenges;
    private TaskCompletionSource? _readGate;
    private TaskCompletionSource _readHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private KeyVaultDoubleServer(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
        TenantId = Guid.NewGuid().ToString();
        AccessToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The vault URI, <c>https://127.0.0.1:{port}/</c>.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>The self-signed server certificate; a client trusts exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The tenant named in the challenge's <c>authorization</c> URI.</summary>
    public string TenantId { get; }

    /// <summary>The only bearer token this vault accepts.</summary>
    public string AccessToken { get; }

    /// <summary>How many 401 challenges were sent (requests without a valid token).</summary>
    public int ChallengeCount => Volatile.Read(ref _challenges);

    public static async Task<KeyVaultDoubleServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var certificate = LoopbackCertificate.Create();
        var app = LoopbackWebApp.CreateBuilder(certificate: certificate).Build();
        var server = new KeyVaultDoubleServer(app, certificate);
        app.Run(server.HandleAsync);
        server.Uri = await LoopbackWebApp.StartAsync(app, cancellationToken);
        return server;
    }

    /// <summary>A credential that returns <see cref="AccessToken"/>.</summary>
    public StaticTokenCredential CreateCredential() => new(AccessToken);

    /// <summary>Adds a new current version of the secret (as a rotation would).</summary>
    public void SetSecret(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _secrets.GetOrAdd(name, static _ => new SecretHistory()).Add(value, contentType: null, tags: null);
    }

    /// <summary>How many authenticated GETs asked for this secret (any version, whatever the answer).</summary>
    public int ReadCount(string name) => _reads.TryGetValue(name, out var count) ? count : 0;

    /// <summary>From now on, requests for this secret get 403 Forbidden (no access policy / RBAC role).</summary>
    public void DenyAccess(string name) => _denied[name] = 0;

    /// <summary>The next <paramref name="count"/> authenticated secret requests fail with <paramref name="fault"/>.</summary>
    public void FailNext(KeyVaultFault fault, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>
    /// Authenticated GETs wait (after being counted) until <see cref="ReleaseReads"/>: lets a test line up
    /// concurrent callers behind one read in flight. <see cref="WhenReadHeld"/> completes when the first one waits.
    /// </summary>
    public void HoldReads()
    {
        Interlocked.Exchange(ref _readHeld, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Exchange(ref _readGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    /// <summary>Completes when a read is being held by <see cref="HoldReads"/>.</summary>
    public Task WhenReadHeld => Volatile.Read(ref _readHeld).Task;

    /// <summary>Lets held reads (and later ones) through.</summary>
    public void ReleaseReads() => Interlocked.Exchange(ref _readGate, null)?.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        ReleaseReads();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        context.Response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        context.Response.Headers["x-ms-keyvault-service-version"] = "1.9.0.0";

        if (string.IsNullOrEmpty(request.Query["api-version"]))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "The request URI contains an invalid version: ''.");
            return;
        }

        if (!HasValidToken(request))
        {
            // Key Vault answers every unauthenticated request with the bearer challenge; SecretClient sends its
            // first request without a token (and without a body) to learn the authority and resource from it.
            Interlocked.Increment(ref _challenges);
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"{Resource}\"";
            var message = request.Headers.Authorization.Count == 0
                ? "AKV10000: Request is missing a Bearer or PoP token."
                : "AKV10022: Invalid audience or signature of the bearer token.";
            await ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", message);
            return;
        }

        var match = SecretPath().Match(request.Path.Value ?? "");
        if (!match.Success)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"The requested path '{request.Path}' is not part of this vault's API.");
            return;
        }

        var name = match.Groups["name"].Value;
        var version = match.Groups["version"].Success ? match.Groups["version"].Value : null;

        if (HttpMethods.IsGet(request.Method))
        {
            _reads.AddOrUpdate(name, 1, static (_, count) => count + 1);
            if (Volatile.Read(ref _readGate) is { } gate)
            {
                Volatile.Read(ref _readHeld).TrySetResult();
                await gate.Task.WaitAsync(context.RequestAborted);
            }
        }

        if (_faults.TryDequeue(out var fault))
        {
            if (fault == KeyVaultFault.DropConnection)
            {
                context.Abort();
                return;
            }

            context.Response.Headers.RetryAfter = "1";
            await ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", "The service is temporarily unavailable. Please retry later.");
            return;
        }

        if (_denied.ContainsKey(name))
        {
            var action = HttpMethods.IsPut(request.Method) ? "setSecret" : "getSecret";
            await ErrorAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                "Caller is not authorized to perform action on resource.\r\n" +
                "If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n" +
                $"Action: 'Microsoft.KeyVault/vaults/secrets/{action}/action'\r\n" +
                $"Resource: '{Uri}secrets/{name.ToLowerInvariant()}'\r\n" +
                "Assignment: (not found)\r\nDecisionReason: 'DeniedWithNoValidRBAC'\r\n",
                new KeyVaultInnerError("ForbiddenByRbac"));
            return;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            await GetSecretAsync(context, name, version);
        }
        else if (HttpMethods.IsPut(request.Method) && version is null)
        {
            await SetSecretAsync(context, name);
        }
        else
        {
            await ErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", $"The method '{request.Method}' is not allowed on this resource.");
        }
    }

    private bool HasValidToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string Prefix = "Bearer ";
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(header[Prefix.Length..].Trim()),
                System.Text.Encoding.UTF8.GetBytes(AccessToken));
    }

    private async Task GetSecretAsync(HttpContext context, string name, string? version)
    {
        var stored = _secrets.TryGetValue(name, out var history) ? history.Find(version) : null;
        if (stored is null)
        {
            var what = version is null ? name : $"{name}/{version}";
            await ErrorAsync(context, StatusCodes.Status404NotFound, "SecretNotFound",
                $"A secret with (name/id) {what} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182");
            return;
        }

        await WriteJsonAsync(context, StatusCodes.Status200OK, ToBundle(name, stored), KeyVaultJsonContext.Default.SecretBundle);
    }

    private async Task SetSecretAsync(HttpContext context, string name)
    {
        SecretSetParameters? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, KeyVaultJsonContext.Default.SecretSetParameters, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.Value is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadParameter", "Property value is required.");
            return;
        }

        var stored = _secrets.GetOrAdd(name, static _ => new SecretHistory()).Add(body.Value, body.ContentType, body.Tags);
        await WriteJsonAsync(context, StatusCodes.Status200OK, ToBundle(name, stored), KeyVaultJsonContext.Default.SecretBundle);
    }

    private SecretBundle ToBundle(string name, StoredSecret stored) => new(
        stored.Value,
        $"{Uri}secrets/{name}/{stored.Version}",
        stored.ContentType,
        new SecretAttributes(true, stored.Created.ToUnixTimeSeconds(), stored.Created.ToUnixTimeSeconds(), "Recoverable+Purgeable", 90),
        stored.Tags);

    private static Task ErrorAsync(HttpContext context, int status, string code, string message, KeyVaultInnerError? inner = null)
        => WriteJsonAsync(context, status, new KeyVaultErrorBody(new KeyVaultError(code, message, inner)), KeyVaultJsonContext.Default.KeyVaultErrorBody);

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, typeInfo, context.RequestAborted);
    }

    // SecretClient asks for "/secrets/{name}/" (no version) or "/secrets/{name}/{version}"; names are Key Vault's charset.
    [GeneratedRegex("^/secrets/(?<name>[0-9a-zA-Z-]{1,127})(?:/(?<version>[0-9a-fA-F]{32})?)?/?$")]
    private static partial Regex SecretPath();

    private sealed record StoredSecret(string Value, string Version, DateTimeOffset Created, string? ContentType, IReadOnlyDictionary<string, string>? Tags);

    /// <summary>All versions of one secret; the last added is the current one.</summary>
    private sealed class SecretHistory
    {
        private readonly Lock _gate = new();
        private readonly List<StoredSecret> _versions = [];

        public StoredSecret Add(string value, string? contentType, IReadOnlyDictionary<string, string>? tags)
        {
            var stored = new StoredSecret(value, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, contentType, tags);
            lock (_gate)
            {
                _versions.Add(stored);
            }

            return stored;
        }

        public StoredSecret? Find(string? version)
        {
            lock (_gate)
            {
                return version is null
                    ? _versions.LastOrDefault()
                    : _versions.Find(v => string.Equals(v.Version, version, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
