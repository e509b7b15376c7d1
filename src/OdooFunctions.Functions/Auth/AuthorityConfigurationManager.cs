using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OdooFunctions.Functions.Auth;

/// <summary>
/// The OpenID Connect authority's metadata (issuer and signing keys), given to <c>JsonWebTokenHandler</c> as
/// <see cref="TokenValidationParameters.ConfigurationManager"/>. The handler's own loop does the rest: on a token whose
/// key it does not know it calls <see cref="RequestRefresh"/>, reads the metadata again and, when they changed,
/// validates the token once more.
/// </summary>
/// <remarks>
/// The library's <c>ConfigurationManager</c> (8.23) cannot be used as it is: its <c>RequestRefresh</c> fetches in the
/// background, so the handler re-reads the old metadata and refuses the very token that asked for the new key, and a
/// failed fetch is only logged, so an unknown key while the provider is down is a 401 where it should be a 503. Its
/// blocking mode (an AppContext switch for the whole process) fixes the first only, and while the provider is down
/// lets every unknown key fetch again. So this one, on the same base class and with the library's retriever:
/// <list type="bullet">
/// <item>At most one fetch (discovery document and JWKS) per <see cref="BaseConfigurationManager.RefreshInterval"/>,
/// whatever asks for it; concurrent readers share it and wait for it (single flight).</item>
/// <item>A fetch that fails keeps the metadata last fetched (tokens with known keys keep working) and is reported by
/// <see cref="IsProviderUnreachable"/>.</item>
/// <item>Metadata older than <see cref="BaseConfigurationManager.AutomaticRefreshInterval"/> (12 h) are fetched again.</item>
/// <item>No last-known-good metadata: the library would keep validating against earlier keys for an hour, and a key the
/// provider withdrew must stop working at the next fetch.</item>
/// </list>
/// The throttle is per instance: each of the app's instances fetches at most once per interval.
/// </remarks>
public sealed partial class AuthorityConfigurationManager : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <summary>The named HttpClient the metadata are fetched with (a 10 s timeout bounds a reader's wait).</summary>
    public const string HttpClientName = "IdentityProvider";

    private readonly Func<IDocumentRetriever> _documents;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset? _lastFetchStarted;
    private Task? _fetch;
    private Exception? _lastFailure;

    /// <param name="metadataAddress">The discovery document, <c>{authority}/.well-known/openid-configuration</c>.</param>
    /// <param name="documents">Makes the retriever for one fetch (a client from the factory each time, so its handler rotates).</param>
    /// <param name="refreshInterval">The shortest time between two fetches (at least 1 s).</param>
    public AuthorityConfigurationManager(
        string metadataAddress, Func<IDocumentRetriever> documents, TimeSpan refreshInterval, ILogger<AuthorityConfigurationManager> logger, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metadataAddress);
        MetadataAddress = metadataAddress;
        RefreshInterval = refreshInterval;
        UseLastKnownGoodConfiguration = false;
        _documents = documents;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True while the latest fetch failed: an unknown key may then be one the provider has and this app could not get.</summary>
    public bool IsProviderUnreachable
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure is not null;
            }
        }
    }

    /// <summary>How long until the next fetch may be tried (at least 1 s).</summary>
    public TimeSpan RetryAfter
    {
        get
        {
            lock (_gate)
            {
                return RetryAfterLocked();
            }
        }
    }

    /// <summary>
    /// The metadata: those fetched, after waiting for a fetch in flight, or one started now when there are none yet or
    /// they are older than <see cref="BaseConfigurationManager.AutomaticRefreshInterval"/> (and the interval allows).
    /// </summary>
    /// <exception cref="IdentityProviderUnavailableException">No metadata were ever fetched.</exception>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        Task? fetch;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            fetch = _fetch;
            if (fetch is null && (_current is null || now - _fetchedAt >= AutomaticRefreshInterval))
            {
                fetch = TryStartFetch(now);
            }
        }

        if (fetch is not null)
        {
            // The fetch is no one caller's: a caller that gives up stops waiting, the fetch goes on for the others.
            await fetch.WaitAsync(cancel).ConfigureAwait(false);
        }

        lock (_gate)
        {
            return _current ?? throw new IdentityProviderUnavailableException(
                $"The identity provider's metadata ({MetadataAddress}) could not be read, so no token can be checked.", RetryAfterLocked(), _lastFailure);
        }
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) =>
        await GetConfigurationAsync(cancel).ConfigureAwait(false);

    /// <summary>
    /// Starts a fetch unless one is in flight or the last began less than <see cref="BaseConfigurationManager.RefreshInterval"/>
    /// ago. The handler's next read (<see cref="GetConfigurationAsync"/>) waits for it.
    /// </summary>
    public override void RequestRefresh()
    {
        lock (_gate)
        {
            if (_fetch is null)
            {
                TryStartFetch(_time.GetUtcNow());
            }
        }
    }

    // Under the lock. Null when the interval since the last fetch has not passed.
    private Task? TryStartFetch(DateTimeOffset now)
    {
        if (_lastFetchStarted is { } started && now < started + RefreshInterval)
        {
            return null;
        }

        _lastFetchStarted = now;
        _fetch = Task.Run(FetchAsync);
        return _fetch;
    }

    private TimeSpan RetryAfterLocked()
    {
        var wait = _lastFetchStarted is { } started ? started + RefreshInterval - _time.GetUtcNow() : TimeSpan.Zero;
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    // Never throws: a failure is kept in _lastFailure, and the metadata fetched before stay.
    private async Task FetchAsync()
    {
        try
        {
            var fetched = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, _documents(), CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = fetched;
                _fetchedAt = _time.GetUtcNow();
                _lastFailure = null;
            }

            LogFetched(_logger, MetadataAddress, fetched.SigningKeys.Count);
        }
#pragma warning disable CA1031 // any failure of the provider (refused, timeout, not JSON, no keys) is reported the same way
        catch (Exception e)
#pragma warning restore CA1031
        {
            bool kept;
            lock (_gate)
            {
                _lastFailure = e;
                kept = _current is not null;
            }

            LogFetchFailed(_logger, MetadataAddress, kept ? "the keys fetched before stay in use" : "no token can be checked until a fetch succeeds", e.Message);
        }
        finally
        {
            lock (_gate)
            {
                _fetch = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity provider metadata fetched from {Address}: {KeyCount} signing keys")]
    private static partial void LogFetched(ILogger logger, string address, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider metadata could not be fetched from {Address}; {Consequence}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string address, string consequence, string reason);
}
