using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// Run records in Azure Table storage. One partition (a run every 5 minutes is ~300 rows a day); the RowKey is
/// the start time in inverted ticks, so the table's natural order is newest first and "latest N" is one query.
/// </summary>
public class SyncRunStore
{
    private const string PartitionKey = "run";
    private const string RecordProperty = "Record";

    private readonly StorageTable _table;

    public SyncRunStore(TableServiceClient tables, IOptions<StatusSyncOptions> options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = new StorageTable(tables, options.Value.RunsTable);
    }

    public string TableName => _table.Name;

    public virtual async Task AddAsync(SyncRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await _table.GetAsync(cancellationToken);
        var entity = new TableEntity(PartitionKey, RowKey(run))
        {
            [RecordProperty] = JsonSerializer.Serialize(run, SyncJsonContext.Default.SyncRun),
            // Flat columns so a run can be read in Storage Explorer without parsing JSON.
            ["Trigger"] = run.Trigger,
            ["Outcome"] = run.Outcome,
            ["Changed"] = run.Changed,
            ["Failed"] = run.Failed,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The latest <paramref name="limit"/> runs, newest first.</summary>
    public virtual async Task<IReadOnlyList<SyncRun>> LatestAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var table = await _table.GetAsync(cancellationToken);
        var runs = new List<SyncRun>(limit);
        var query = table.QueryAsync<TableEntity>(
            filter: TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey}"),
            maxPerPage: Math.Min(limit, 1000),
            select: [RecordProperty],
            cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            if (entity.GetString(RecordProperty) is { } json && JsonSerializer.Deserialize(json, SyncJsonContext.Default.SyncRun) is { } run)
            {
                runs.Add(run);
            }

            if (runs.Count == limit)
            {
                break;
            }
        }

        return runs;
    }

    /// <summary>Inverted ticks (fixed width, so string order is time order) plus the id, unique even for two runs in one tick.</summary>
    internal static string RowKey(SyncRun run) =>
        (DateTimeOffset.MaxValue.UtcTicks - run.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + run.Id;
}
