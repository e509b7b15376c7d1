using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OdooFunctions.Doubles.KeyVault;
using OdooFunctions.Functions.Secrets;

namespace OdooFunctions.Functions.Tests.Secrets;

/// <summary>
/// The app's secrets registration (<c>AddSecrets</c>) over given settings, with the real SecretClient pointed at a
/// Key Vault double (its certificate pinned), a fake clock and every log line captured. Only that part of the app
/// (<see cref="AppContainer.BuildPart"/>): its tests give settings the whole app would refuse to start with.
/// </summary>
internal sealed class SecretsTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public SecretsTestHost(IReadOnlyDictionary<string, string?> settings, KeyVaultDoubleServer? vault = null, int maxRetries = 2, StaticTokenCredential? credential = null)
    {
        Credential = credential ?? vault?.CreateCredential();
        _provider = AppContainer.BuildPart(settings, (services, configuration) => services.AddSecrets(configuration), services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (vault is not null)
            {
                services.PointSecretsAt(vault, Credential!, maxRetries);
            }
        }, LogLevel.Trace);
    }

    public IConfiguration Configuration => _provider.GetRequiredService<IConfiguration>();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-27T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public StaticTokenCredential? Credential { get; }

    public IServiceProvider Services => _provider;

    public SecretStore Secrets => _provider.GetRequiredService<SecretStore>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>Every captured log line, with its exception, as one text to search.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Category} {r.Level} {r.Message} {r.Exception}"));

    public void Dispose() => _provider.Dispose();

    public static Dictionary<string, string?> VaultSettings(KeyVaultDoubleServer vault, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["KEY_VAULT_URI"] = vault.Uri.ToString() };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
