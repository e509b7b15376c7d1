using Azure.Data.Tables;

namespace OdooFunctions.Functions.Storage;

/// <summary>
/// A table that is created on first use, once per process while that works. A failed creation is not remembered:
/// the next caller tries again, so a storage outage at start-up heals without a restart.
/// </summary>
public sealed class StorageTable(TableServiceClient tables, string name)
{
    private readonly TableClient _client = tables.GetTableClient(name);
    private readonly Lock _gate = new();
    private Task? _creation;

    public string Name => _client.Name;

    /// <summary>The table, created if it does not exist yet; concurrent first callers share one creation.</summary>
    public async Task<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_gate)
        {
            creation = _creation ??= CreateAsync();
        }

        try
        {
            await creation.WaitAsync(cancellationToken);
        }
        catch (Exception failure) when (StorageUnavailableException.IsStorageFailure(failure))
        {
            lock (_gate)
            {
                if (ReferenceEquals(_creation, creation))
                {
                    _creation = null;
                }
            }

            throw new StorageUnavailableException($"Table storage is unavailable: the table '{Name}' could not be created or reached.", failure);
        }

        return _client;
    }

    // Not tied to one caller's token: a caller that gives up must not fail the creation the others wait for.
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
