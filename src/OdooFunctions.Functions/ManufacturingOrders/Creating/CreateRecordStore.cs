using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.ManufacturingOrders.Creating;

/// <summary>
/// The durable records of create requests in Table storage, shared by every instance of the app. Every change is
/// conditional: adding fails if the row exists, updating fails if the row changed since it was read (ETag), so two
/// instances can never both own a claim.
/// </summary>
public sealed class CreateRecordStore(TableServiceClient tables, IOptions<IdempotencyOptions> options, TimeProvider time)
{
    private readonly StorageTable _table = new(tables, options.Value.TableName);
    private readonly TimeSpan _lease = options.Value.Lease;

    public TimeProvider Time => time;

    /// <summary>Reserves a claim nobody holds yet. Null when a record exists already.</summary>
    public async Task<CreateRecord?> TryReserveAsync(CreateClaim claim, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var entity = Reservation(claim, time.GetUtcNow());
        try
        {
            var added = await table.AddEntityAsync(entity, cancellationToken);
            return ToRecord(claim, entity, added.Headers.ETag ?? throw new StorageUnavailableException("Table storage answered without an ETag."));
        }
        catch (RequestFailedException exists) when (exists.Status == 409)
        {
            return null;
        }
        catch (Exception failure) when (StorageUnavailableException.IsStorageFailure(failure))
        {
            throw Unavailable(failure);
        }
    }

    public async Task<CreateRecord?> GetAsync(CreateClaim claim, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            var found = await table.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            return found.HasValue ? ToRecord(claim, found.Value!, found.Value!.ETag) : null;
        }
        catch (Exception failure) when (StorageUnavailableException.IsStorageFailure(failure))
        {
            throw Unavailable(failure);
        }
    }

    /// <summary>Takes a claim over from a record that is no longer leased. Null when another request changed it first.</summary>
    public Task<CreateRecord?> TryTakeOverAsync(CreateRecord existing, CancellationToken cancellationToken) =>
        TryReplaceAsync(existing, Reservation(existing.Claim, time.GetUtcNow()), cancellationToken);

    /// <summary>Records the order the claim made (or found). False when another request changed the record first.</summary>
    public async Task<bool> TryCompleteAsync(CreateRecord owned, long manufacturingOrderId, CancellationToken cancellationToken)
    {
        var entity = Entity(owned.Claim, CreateStatus.Created, owned.ReservedAt, owned.LeaseUntil);
        entity["MoId"] = manufacturingOrderId;
        return await TryReplaceAsync(owned, entity, cancellationToken) is not null;
    }

    /// <summary>Records that Odoo refused the create, so that a retry may take the claim at once.</summary>
    public async Task<bool> TryFailAsync(CreateRecord owned, CancellationToken cancellationToken) =>
        await TryReplaceAsync(owned, Entity(owned.Claim, CreateStatus.Failed, owned.ReservedAt, owned.LeaseUntil), cancellationToken) is not null;

    private async Task<CreateRecord?> TryReplaceAsync(CreateRecord existing, TableEntity entity, CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        try
        {
            var updated = await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return ToRecord(existing.Claim, entity, updated.Headers.ETag ?? throw new StorageUnavailableException("Table storage answered without an ETag."));
        }
        catch (RequestFailedException changed) when (changed.Status is 412 or 404)
        {
            return null;
        }
        catch (Exception failure) when (StorageUnavailableException.IsStorageFailure(failure))
        {
            throw Unavailable(failure);
        }
    }

    private TableEntity Reservation(CreateClaim claim, DateTimeOffset now) => Entity(claim, CreateStatus.Reserved, now, now + _lease);

    private static TableEntity Entity(CreateClaim claim, CreateStatus status, DateTimeOffset reservedAt, DateTimeOffset leaseUntil) =>
        new(claim.PartitionKey, claim.RowKey)
        {
            ["Status"] = status.ToString(),
            ["RequestHash"] = claim.RequestHash,
            ["ReservedAt"] = reservedAt,
            ["LeaseUntil"] = leaseUntil,
        };

    private static CreateRecord ToRecord(CreateClaim claim, TableEntity entity, ETag etag) => new(
        claim,
        Enum.TryParse<CreateStatus>(entity.GetString("Status"), out var status) ? status : CreateStatus.Reserved,
        entity.GetString("RequestHash") ?? "",
        entity.GetDateTimeOffset("ReservedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("LeaseUntil") ?? DateTimeOffset.MinValue,
        entity.GetInt64("MoId"),
        etag);

    private StorageUnavailableException Unavailable(Exception failure) =>
        new($"Table storage is unavailable: the idempotency table '{_table.Name}' could not be read or written.", failure);
}
