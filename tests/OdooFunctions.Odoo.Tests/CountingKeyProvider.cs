
namespace OdooFunctions.Odoo.Tests;

/// <summary>
/// A key provider that behaves like the Key Vault one (caches the key until <see cref="Invalidate"/>) and
/// counts how often it reads the "vault", so tests can assert single flight and rotation.
/// </summary>
internal sealed class CountingKeyProvider(string vaultKey) : IOdooApiKeyProvider
{
    private readonly Lock _gate = new();
    private string? _cached;
    private int _reads;
    private int _invalidations;

    /// <summary>The key currently stored in the "vault"; a rotation changes it.</summary>
    public string VaultKey { get; set; } = vaultKey;

    public int Reads => Volatile.Read(ref _reads);

    public int Invalidations => Volatile.Read(ref _invalidations);

    public async ValueTask<string> GetApiKeyAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_cached is not null)
            {
                return _cached;
            }
        }

        // A real vault read yields; let concurrent callers pile up behind the client's single flight.
        await Task.Yield();
        lock (_gate)
        {
            Interlocked.Increment(ref _reads);
            return _cached = VaultKey;
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _invalidations);
        lock (_gate)
        {
            _cached = null;
        }
    }
}
