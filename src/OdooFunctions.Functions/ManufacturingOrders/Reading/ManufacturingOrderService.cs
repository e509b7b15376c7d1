using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.ManufacturingOrders.Reading;

/// <summary>Reads manufacturing orders for the dashboard.</summary>
public sealed class ManufacturingOrderService(ManufacturingOrderClient production)
{
    public Task<IReadOnlyList<ManufacturingOrder>> ListAsync(MoState? state, int limit, int offset, CancellationToken cancellationToken) =>
        production.ListAsync(state?.OdooName, limit, offset, cancellationToken);

    public async Task<ManufacturingOrder> GetRequiredAsync(long id, CancellationToken cancellationToken) =>
        await production.GetAsync(id, cancellationToken) ?? throw new ManufacturingOrderNotFoundException(id);
}
