using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.ManufacturingOrders.Reading;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Odoo;
using OdooFunctions.Odoo.Models;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// Creates a manufacturing order at most once per request, across every instance of the app (Stripe's idempotency
/// keys are the model). The request first owns a claim in storage (<see cref="CreateRecordStore"/>): per
/// <c>Idempotency-Key</c>, or without one per <c>origin</c> and product. A claim whose owner vanished (its lease ran
/// out with the outcome unknown) is reconciled with what Odoo holds before anything is created again.
/// </summary>
public sealed partial class ManufacturingOrderCreator(
    OdooClient odoo, ManufacturingOrderClient production, ManufacturingOrderService orders, CreateRecordStore claims,
    IOptions<IdempotencyOptions> options, ILogger<ManufacturingOrderCreator> logger)
{
    // Each round re-reads a record another request changed under us; more rounds than this is a storm, answered 409.
    private const int MaxRounds = 5;

    public async Task<CreateOutcome> CreateAsync(ManufacturingOrderCreate request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null)
        {
            return await CreateOnceAsync(CreateClaim.ForKey(idempotencyKey, request), request, cancellationToken);
        }

        if (request.Origin is { } origin)
        {
            return await CreateOnceAsync(CreateClaim.ForOrigin(origin, request.ProductId, request), request, cancellationToken);
        }

        // Nothing names this request as a retry: every call is a new order.
        var id = await CreateInOdooAsync(request, owned: null, cancellationToken);
        return new CreateOutcome(await orders.GetRequiredAsync(id, CancellationToken.None), Duplicate: false);
    }

    private async Task<CreateOutcome> CreateOnceAsync(CreateClaim claim, ManufacturingOrderCreate request, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var owned = await claims.TryReserveAsync(claim, cancellationToken);
            if (owned is null)
            {
                var existing = await claims.GetAsync(claim, cancellationToken);
                if (existing is null)
                {
                    continue;
                }

                if (claim.Kind == ClaimKind.IdempotencyKey && existing.RequestHash != claim.RequestHash)
                {
                    throw new IdempotencyKeyReusedException();
                }

                var now = claims.Time.GetUtcNow();
                if (existing.IsLeased(now))
                {
                    throw new CreateInProgressException(claim.Kind, existing.SecondsLeft(now));
                }

                if (claim.Kind == ClaimKind.IdempotencyKey)
                {
                    if (existing.Status == CreateStatus.Created && existing.ManufacturingOrderId is { } madeId)
                    {
                        return new CreateOutcome(await orders.GetRequiredAsync(madeId, cancellationToken), Duplicate: true);
                    }

                    if (existing.Status == CreateStatus.Reserved && await ReconcileAsync(existing, request, cancellationToken) is { } found)
                    {
                        var foundId = found.Id;
                        if (!await claims.TryCompleteAsync(existing, foundId, cancellationToken))
                        {
                            continue;
                        }

                        LogReconciled(logger, foundId);
                        return new CreateOutcome(found, Duplicate: true);
                    }
                }

                owned = await claims.TryTakeOverAsync(existing, cancellationToken);
                if (owned is null)
                {
                    continue;
                }
            }

            // For an origin, Odoo is the truth once the claim is ours: the order may have been made by an earlier
            // request (even one whose answer was lost) and may have been cancelled since.
            if (claim.Kind == ClaimKind.Origin && await FindByOriginAsync(request.Origin!, request.ProductId, cancellationToken) is { } same)
            {
                await CompleteAsync(owned, same.Id);
                return new CreateOutcome(same, Duplicate: true);
            }

            var id = await CreateInOdooAsync(request, owned, cancellationToken);
            await CompleteAsync(owned, id);
            return new CreateOutcome(await orders.GetRequiredAsync(id, CancellationToken.None), Duplicate: false);
        }

        throw new CreateInProgressException(claim.Kind, 1);
    }

    /// <summary>
    /// The order an unfinished attempt made, if Odoo has exactly one that fits: made by the API user after the
    /// reservation, same product, quantity and origin, not cancelled. Null when Odoo has none (the attempt made nothing).
    /// </summary>
    private async Task<ManufacturingOrder?> ReconcileAsync(CreateRecord unfinished, ManufacturingOrderCreate request, CancellationToken cancellationToken)
    {
        var connection = await odoo.ConnectAsync(cancellationToken);
        var domain = OdooDomain.Where("create_uid", "=", connection.Uid)
            .And("product_id", "=", request.ProductId)
            .And("product_qty", "=", request.ProductQty)
            .And("origin", "=", (object?)request.Origin ?? false)
            .And("create_date", ">=", unfinished.ReservedAt - options.Value.ClockSkew)
            // Cancelled ones are out: cancelling the extra orders is how an operator settles an ambiguous key.
            .And("state", "!=", MoState.Cancel.OdooName);
        var candidates = await production.SearchAsync(domain, 10, cancellationToken);
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new AmbiguousCreateException([.. candidates.Select(c => new CreateCandidate(c.Id, c.Name ?? ""))]),
        };
    }

    private async Task<ManufacturingOrder?> FindByOriginAsync(string origin, long productId, CancellationToken cancellationToken)
    {
        var found = await production.SearchAsync(
            OdooDomain.Where("origin", "=", origin).And("product_id", "=", productId).And("state", "!=", MoState.Cancel.OdooName), 1, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>Sends the create (never retried by the client). A refusal frees the claim; a lost answer keeps it reserved.</summary>
    private async Task<long> CreateInOdooAsync(ManufacturingOrderCreate request, CreateRecord? owned, CancellationToken cancellationToken)
    {
        try
        {
            return await production.CreateAsync(request.Values, cancellationToken);
        }
        catch (OdooException refused) when (refused.IsRefusal)
        {
            if (owned is not null)
            {
                await TryMarkFailedAsync(owned);
            }

            throw;
        }
        catch (OdooException lost)
        {
            // Also when the caller goes away mid-create (not caught here): the claim stays reserved and its lease decides.
            var seconds = owned?.SecondsLeft(claims.Time.GetUtcNow()) ?? 0;
            throw new CreateOutcomeUnknownException(lost, owned?.Claim.Kind, seconds);
        }
    }

    private async Task TryMarkFailedAsync(CreateRecord owned)
    {
        try
        {
            await claims.TryFailAsync(owned, CancellationToken.None);
        }
        catch (StorageUnavailableException failure)
        {
            // Harmless: the reservation runs out, and reconciliation then finds no order and creates.
            LogRecordNotWritten(logger, failure, "failed");
        }
    }

    /// <summary>Records the order on the claim. Odoo already holds it, so a storage failure here does not fail the request.</summary>
    private async Task CompleteAsync(CreateRecord owned, long manufacturingOrderId)
    {
        try
        {
            if (!await claims.TryCompleteAsync(owned, manufacturingOrderId, CancellationToken.None))
            {
                LogLeaseLost(logger, manufacturingOrderId);
            }
        }
        catch (StorageUnavailableException failure)
        {
            // The reservation runs out and the next retry reconciles: it finds this order in Odoo.
            LogRecordNotWritten(logger, failure, "created");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An unfinished create was reconciled with manufacturing order {Id} found in Odoo")]
    private static partial void LogReconciled(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Manufacturing order {Id} was created after the request's lease had run out; check IDEMPOTENCY_LEASE_SECONDS against the Odoo timeout")]
    private static partial void LogLeaseLost(ILogger logger, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The idempotency record could not be marked {Status}; its lease will decide")]
    private static partial void LogRecordNotWritten(ILogger logger, Exception exception, string status);
}
