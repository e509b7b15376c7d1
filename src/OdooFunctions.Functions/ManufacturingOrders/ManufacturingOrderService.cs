using System.Text.Json.Nodes;
using OdooFunctions.Functions.Http;
using OdooFunctions.Functions.Odoo;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>Reads and creates manufacturing orders. A create that is retried returns the order made the first time.</summary>
public sealed class ManufacturingOrderService(OdooClient odoo, OdooSchema schema, ShapedRecords records, IdempotencyKeys idempotencyKeys)
{
    private readonly KeyedLock _locks = new();

    public Task<IReadOnlyList<JsonObject>> ListAsync(string? state, int limit, int offset, CancellationToken cancellationToken)
    {
        var domain = state is null ? OdooDomain.All : OdooDomain.Where("state", "=", state);
        return records.SearchAsync(ManufacturingOrderShape.Instance, domain, limit, offset, "id", cancellationToken);
    }

    public Task<JsonObject?> GetAsync(long id, CancellationToken cancellationToken) =>
        records.GetAsync(ManufacturingOrderShape.Instance, id, cancellationToken);

    public async Task<JsonObject> GetRequiredAsync(long id, CancellationToken cancellationToken) =>
        await GetAsync(id, cancellationToken) ?? throw ApiException.NotFound($"Manufacturing order {id} was not found in Odoo.");

    /// <summary>
    /// Creates the order once per <paramref name="idempotencyKey"/> (or, without one, per non-cancelled <c>origin</c>).
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(ManufacturingOrderCreate request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var lockKey = idempotencyKey is not null ? "key:" + idempotencyKey : request.Origin is not null ? "origin:" + request.Origin : null;
        using var _ = lockKey is null ? null : await _locks.AcquireAsync(lockKey, cancellationToken);

        if (idempotencyKey is not null)
        {
            return await CreateOnceAsync(request, idempotencyKey, cancellationToken);
        }

        if (request.Origin is not null && await FindByOriginAsync(request.Origin, cancellationToken) is { } existing)
        {
            return new CreateOutcome(existing, Duplicate: true);
        }

        return new CreateOutcome(await CreateNowAsync(request, cancellationToken), Duplicate: false);
    }

    private async Task<CreateOutcome> CreateOnceAsync(ManufacturingOrderCreate request, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (await idempotencyKeys.ReserveAsync(idempotencyKey, cancellationToken) is { } earlier)
        {
            if (earlier.ManufacturingOrderId is not { } earlierId)
            {
                throw ApiException.Conflict("A request with this Idempotency-Key is still being processed; retry in a moment.");
            }

            return new CreateOutcome(await GetRequiredAsync(earlierId, cancellationToken), Duplicate: true);
        }

        JsonObject created;
        try
        {
            created = await CreateNowAsync(request, cancellationToken);
        }
        catch (OdooException failure) when (failure is not (OdooTimeoutException or OdooUnavailableException))
        {
            // Odoo refused: nothing was made, so a corrected retry with the same key may create.
            await idempotencyKeys.ReleaseAsync(idempotencyKey, CancellationToken.None);
            throw;
        }

        await idempotencyKeys.CompleteAsync(idempotencyKey, created["id"]!.GetValue<long>(), CancellationToken.None);
        return new CreateOutcome(created, Duplicate: false);
    }

    private async Task<JsonObject> CreateNowAsync(ManufacturingOrderCreate request, CancellationToken cancellationToken)
    {
        var serverFields = await schema.FieldsAsync(ManufacturingOrderShape.Model, cancellationToken);
        var values = new JsonObject
        {
            ["product_id"] = request.ProductId,
            ["product_qty"] = request.ProductQty,
        };
        if (request.DatePlannedStart is not null)
        {
            values[PlannedStartField(serverFields)] = request.DatePlannedStart;
        }

        if (request.DateDeadline is not null) values["date_deadline"] = request.DateDeadline;
        if (request.Origin is not null) values["origin"] = request.Origin;
        if (request.Priority is not null) values["priority"] = request.Priority;

        // Not retried by the client: a lost answer must not make a second order.
        var id = await odoo.CreateAsync(ManufacturingOrderShape.Model, values, cancellationToken);
        return await GetRequiredAsync(id, CancellationToken.None);
    }

    private async Task<JsonObject?> FindByOriginAsync(string origin, CancellationToken cancellationToken)
    {
        var found = await records.SearchAsync(ManufacturingOrderShape.Instance,
            OdooDomain.Where("origin", "=", origin).And("state", "!=", "cancel"), 1, 0, "id", cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Where this server keeps the guide's <c>date_planned_start</c>.</summary>
    internal static string PlannedStartField(IReadOnlyDictionary<string, OdooField> serverFields) =>
        ManufacturingOrderShape.PlannedStart.SourceOn(serverFields) ?? "date_start";
}
