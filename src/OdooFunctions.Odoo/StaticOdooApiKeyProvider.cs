namespace OdooFunctions.Odoo;

/// <summary>An API key given in configuration (<c>ODOO_API_KEY</c>, local runs). Nothing to refresh.</summary>
public sealed class StaticOdooApiKeyProvider(string apiKey) : IOdooApiKeyProvider
{
    private readonly string _apiKey = string.IsNullOrWhiteSpace(apiKey)
        ? throw new ArgumentException("The Odoo API key is empty.", nameof(apiKey))
        : apiKey;

    public ValueTask<string> GetApiKeyAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_apiKey);

    public void Invalidate() { }

    public override string ToString() => nameof(StaticOdooApiKeyProvider);
}
