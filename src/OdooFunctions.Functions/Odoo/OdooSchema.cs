using System.Collections.Concurrent;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Odoo;

/// <summary>
/// What fields each model has on the connected server, asked once per model (<c>fields_get</c>) and shared.
/// Fields move between Odoo versions; asking beats assuming.
/// </summary>
public sealed class OdooSchema(OdooClient odoo)
{
    // A failed look-up is not kept (SingleFlight): the next request asks again.
    private readonly ConcurrentDictionary<string, SingleFlight<IReadOnlyDictionary<string, OdooField>>> _models = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, OdooField>> FieldsAsync(string model, CancellationToken cancellationToken) =>
        await _models.GetOrAdd(model, name => new(() => odoo.FieldsGetAsync(name, CancellationToken.None))).GetAsync(cancellationToken);
}
