using System.Collections.Concurrent;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// What fields each model has on the connected server, asked once per model (<c>fields_get</c>) and shared.
/// Fields move between Odoo versions; asking beats assuming.
/// </summary>
public sealed class OdooSchema(OdooClient odoo)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<string, OdooField>>>> _models = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, OdooField>> FieldsAsync(string model, CancellationToken cancellationToken)
    {
        var entry = _models.GetOrAdd(model, name => new Lazy<Task<IReadOnlyDictionary<string, OdooField>>>(
            () => odoo.FieldsGetAsync(name, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            // A failed look-up is not cached: the next request asks again.
            _models.TryRemove(new KeyValuePair<string, Lazy<Task<IReadOnlyDictionary<string, OdooField>>>>(model, entry));
            throw;
        }
    }
}
