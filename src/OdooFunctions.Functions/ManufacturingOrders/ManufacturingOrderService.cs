using System.Text.Json.Nodes;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>Reads manufacturing orders in the guide's shape.</summary>
public sealed class ManufacturingOrderService(ShapedRecords records)
{
    public Task<IReadOnlyList<JsonObject>> ListAsync(MoState? state, int limit, int offset, CancellationToken cancellationToken)
    {
        var domain = state is null ? OdooDomain.All : OdooDomain.Where("state", "=", state.OdooName);
        return records.SearchAsync(ManufacturingOrderShape.Instance, domain, limit, offset, "id", cancellationToken);
    }

    public Task<JsonObject?> GetAsync(long id, CancellationToken cancellationToken) =>
        records.GetAsync(ManufacturingOrderShape.Instance, id, cancellationToken);

    public async Task<JsonObject> GetRequiredAsync(long id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) ?? throw new ManufacturingOrderNotFoundException(id);
}
