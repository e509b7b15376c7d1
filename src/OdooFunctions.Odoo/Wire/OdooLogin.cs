using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace OdooFunctions.Odoo.Wire;

/// <summary>
/// Owns the login: the current <see cref="OdooSession"/> (read lock-free on every call, replaced whole on key
/// rotation), one login at a time shared by every caller, and key rotation — when Odoo rejects the key, read it again,
/// log in again and resend the call once, at most once per <see cref="OdooClientOptions.RenewalInterval"/>.
/// Every call of <see cref="OdooClient"/> that needs a key goes through <see cref="SendAsync"/>.
/// </summary>
internal sealed class OdooLogin
{
    private readonly OdooRpcChannel _channel;
    private readonly OdooClientOptions _options;
    private readonly IOdooApiKeyProvider _keyProvider;
    private readonly Func<CancellationToken, Task<OdooServerVersion>> _serverVersion;
    private readonly Lock _gate = new();

    // The current login, read lock-free on every call; replaced as a whole on key rotation.
    private volatile OdooSession? _session;
    private Task<OdooSession>? _pendingLogin;

    // Renewal throttle (guarded by _gate): when the last renewal started, and the last failed login with when it failed.
    private long _renewalStartedAt = long.MinValue / 2;
    private long _loginFailedAt = long.MinValue / 2;
    private OdooAuthenticationException? _loginFailure;
    private volatile OdooSession? _refused;

    /// <param name="serverVersion">Asked only for <see cref="OdooProtocol.Auto"/>, to choose the protocol.</param>
    public OdooLogin(OdooRpcChannel channel, OdooClientOptions options, IOdooApiKeyProvider keyProvider, Func<CancellationToken, Task<OdooServerVersion>> serverVersion)
    {
        _channel = channel;
        _options = options;
        _keyProvider = keyProvider;
        _serverVersion = serverVersion;
    }

    /// <summary>The current session; logs in first when there is none yet.</summary>
    public ValueTask<OdooSession> GetSessionAsync(CancellationToken cancellationToken) =>
        _session is { } session ? new(session) : new(LoginAsync(rejected: null, cancellationToken));

    /// <summary>Sends a call with the current login; when Odoo rejects the key, logs in again with a fresh key once and resends once.</summary>
    // Pooled like the channel's SendAsync: one of the three pooled layers every call passes (measurement: OdooRequestBody).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<JsonNode?> SendAsync(OdooCall call, CancellationToken cancellationToken)
    {
        var session = _session ?? await LoginAsync(rejected: null, cancellationToken);
        if (ReferenceEquals(session, _refused))
        {
            // Odoo refused this key already: no call it would refuse again; a renewal, or the remembered failure.
            session = await LoginAsync(rejected: session, cancellationToken);
        }

        try
        {
            return await _channel.SendAsync(call, session.Protocol, session, apiKey: null, cancellationToken);
        }
        catch (OdooAuthenticationException)
        {
            // Rejected keys are refused before Odoo runs anything, so resending even a write is safe.
            _refused = session;
            var renewed = await LoginAsync(rejected: session, cancellationToken);
            try
            {
                return await _channel.SendAsync(call, renewed.Protocol, renewed, apiKey: null, cancellationToken);
            }
            catch (OdooAuthenticationException)
            {
                // JSON-2 has no login to test a key: its first refusal is here. No more calls with it until the interval is up.
                _refused = renewed;
                throw;
            }
        }
    }

    /// <summary>
    /// Single flight: the first caller starts the login, every concurrent caller awaits the same one.
    /// <paramref name="rejected"/> is the session whose key Odoo refused (null for the first login).
    /// Throttled: a login that Odoo refused is the answer for <see cref="OdooClientOptions.RenewalInterval"/>, and a
    /// rejected key is renewed (fresh read + login) at most once per interval.
    /// </summary>
    private Task<OdooSession> LoginAsync(OdooSession? rejected, CancellationToken cancellationToken)
    {
        Task<OdooSession> login;
        lock (_gate)
        {
            var current = _session;
            if (current is not null && !ReferenceEquals(current, rejected))
            {
                return Task.FromResult(current);
            }

            if (_pendingLogin is not { IsCompleted: false })
            {
                var now = Environment.TickCount64;
                if (_loginFailure is { } failure && now - _loginFailedAt < (long)_options.RenewalInterval.TotalMilliseconds)
                {
                    return Task.FromException<OdooSession>(failure);
                }

                if (rejected is not null)
                {
                    if (now - _renewalStartedAt < (long)_options.RenewalInterval.TotalMilliseconds)
                    {
                        return Task.FromException<OdooSession>(OdooErrorMap.Rejected(AuthenticateCall,
                            $"Odoo rejected the API key of '{_options.Username}' again; it is read again and tried at most once every {_options.RenewalInterval.TotalSeconds:0} s."));
                    }

                    _renewalStartedAt = now;
                }

                _pendingLogin = Task.Run(() => CreateSessionAsync(rejected), CancellationToken.None);
            }

            login = _pendingLogin;
        }

        return login.WaitAsync(cancellationToken);
    }

    private async Task<OdooSession> CreateSessionAsync(OdooSession? rejected)
    {
        try
        {
            return await CreateSessionCoreAsync(rejected);
        }
        catch (OdooAuthenticationException failure)
        {
            lock (_gate)
            {
                _loginFailure = failure;
                _loginFailedAt = Environment.TickCount64;
            }

            throw;
        }
    }

    private async Task<OdooSession> CreateSessionCoreAsync(OdooSession? rejected)
    {
        var protocol = _options.Protocol;
        if (protocol == OdooProtocol.Auto)
        {
            protocol = (await _serverVersion(CancellationToken.None)).HasJson2 ? OdooProtocol.Json2 : OdooProtocol.JsonRpc;
        }

        if (rejected is not null)
        {
            _keyProvider.Invalidate();
        }

        var key = await _keyProvider.GetApiKeyAsync(CancellationToken.None);
        OdooSession session;
        if (protocol == OdooProtocol.Json2)
        {
            // JSON-2 has no login; a rejected key shows as 401 on the first call and is renewed there.
            session = new OdooSession(OdooProtocol.Json2, key, uid: 0);
        }
        else
        {
            var uid = await AuthenticateAsync(key);
            if (uid is null && rejected is null)
            {
                // The cached key may be an old one: read it again once before giving up.
                _keyProvider.Invalidate();
                key = await _keyProvider.GetApiKeyAsync(CancellationToken.None);
                uid = await AuthenticateAsync(key);
            }

            session = uid is null
                ? throw OdooErrorMap.Rejected(AuthenticateCall,
                    $"Odoo rejected the API key of '{_options.Username}' on database '{_options.Database}' (authenticate answered false).")
                : new OdooSession(OdooProtocol.JsonRpc, key, uid.Value);
        }

        lock (_gate)
        {
            _session = session;
            _loginFailure = null;
        }

        return session;
    }

    private OdooCall AuthenticateCall => new()
    {
        Operation = OdooOperation.Authenticate,
        Model = "common",
        Login = _options.Username,
    };

    private async Task<long?> AuthenticateAsync(string key)
    {
        var result = await _channel.SendAsync(AuthenticateCall, OdooProtocol.JsonRpc, session: null, apiKey: key, CancellationToken.None);
        return result is JsonValue value && value.TryGetValue<long>(out var uid) ? uid : null;
    }
}
