using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Secrets;

/// <summary>
/// The Odoo API key from Key Vault, cached. When Odoo rejects the key the Odoo client calls
/// <see cref="Invalidate"/> and asks again, which reads the rotated key without a restart.
/// </summary>
public sealed class KeyVaultOdooApiKeyProvider(SecretStore secrets) : IOdooApiKeyProvider
{
    private readonly CachedSecret _key = (secrets ?? throw new ArgumentNullException(nameof(secrets))).OdooApiKey;

    public ValueTask<string> GetApiKeyAsync(CancellationToken cancellationToken = default) => _key.GetValueAsync(cancellationToken);

    public void Invalidate() => _key.Invalidate();

    public override string ToString() => $"{nameof(KeyVaultOdooApiKeyProvider)}({_key.Reference.SecretName})";
}
