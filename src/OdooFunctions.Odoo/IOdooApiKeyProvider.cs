namespace OdooFunctions.Odoo;

/// <summary>Supplies the Odoo API key. Implementations cache it; <see cref="Invalidate"/> forces a fresh read (key rotation).</summary>
public interface IOdooApiKeyProvider
{
    ValueTask<string> GetApiKeyAsync(CancellationToken cancellationToken = default);

    /// <summary>Forget the cached key so the next <see cref="GetApiKeyAsync"/> reads it again.</summary>
    void Invalidate();
}
