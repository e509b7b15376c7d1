using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace OdooFunctions.Functions.ManufacturingOrders;

/// <summary>
/// Remembers which manufacturing order an <c>Idempotency-Key</c> created, in Table storage so that it holds across
/// restarts and instances. A key is reserved before the create, so two concurrent requests cannot both create.
/// </summary>
public sealed class IdempotencyKeys(TableServiceClient tables)
{
    public const string TableName = "idempotencykeys";
    private const string Partition = "mrp.production.create";
    private readonly Lazy<Task<TableClient>> _table = new(async () =>
    {
        var table = tables.GetTableClient(TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    });

    /// <summary>Reserves <paramref name="key"/>. Returns null when it is new (the caller creates), else what it holds.</summary>
    public async Task<IdempotencyRecord?> ReserveAsync(string key, CancellationToken cancellationToken)
    {
        var table = await _table.Value.WaitAsync(cancellationToken);
        var rowKey = RowKey(key);
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, rowKey), cancellationToken);
            return null;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            var existing = await table.GetEntityAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
            return new IdempotencyRecord(existing.Value.GetInt64("MoId"));
        }
    }

    public async Task CompleteAsync(string key, long manufacturingOrderId, CancellationToken cancellationToken)
    {
        var table = await _table.Value.WaitAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, RowKey(key)) { ["MoId"] = manufacturingOrderId }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Frees a reservation whose create failed, so that a retry may create.</summary>
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        var table = await _table.Value.WaitAsync(cancellationToken);
        await table.DeleteEntityAsync(Partition, RowKey(key), ETag.All, cancellationToken);
    }

    // Keys are the caller's text; a hash is always a valid RowKey and keeps the text out of storage.
    private static string RowKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>What a reserved key holds: the order it created, or null while that create is still running.</summary>
public sealed record IdempotencyRecord(long? ManufacturingOrderId);
