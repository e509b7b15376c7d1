using Azure.Data.Tables;

namespace OdooFunctions.Functions.Storage;

/// <summary>A table that is created on first use (<see cref="SingleFlight{T}"/>: again after a failed creation).</summary>
public sealed class StorageTable
{
    private readonly TableClient _client;
    private readonly SingleFlight<TableClient> _creation;

    public StorageTable(TableServiceClient tables, string name)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _client = tables.GetTableClient(name);
        _creation = new SingleFlight<TableClient>(async () =>
        {
            await CreateAsync();
            return _client;
        });
    }

    public string Name => _client.Name;

    /// <summary>The table, created if it does not exist yet; concurrent first callers share one creation.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _creation.GetAsync(cancellationToken);
        }
        catch (Exception failure) when (StorageUnavailableException.IsStorageFailure(failure))
        {
            throw new StorageUnavailableException($"Table storage is unavailable: the table '{Name}' could not be created or reached.", failure);
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            await _client.CreateIfNotExistsAsync(CancellationToken.None);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // Created by another instance between the check and the create: fine.
        }
    }
}
