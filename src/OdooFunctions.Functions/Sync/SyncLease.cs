using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Storage;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// The one status sync of the whole app, whatever instance runs it: a row (partition <c>lease</c>, row
/// <c>status-sync</c>) in the runs table of the host storage account. Taking it, renewing it and giving it back are
/// all conditional on the row's ETag, so two instances can never both hold it; it carries its own expiry
/// (<see cref="StatusSyncOptions.LeaseDuration"/>), renewed every third of it while the run lasts, so the lease of a
/// run whose instance died expires by itself. Process memory cannot do this: Flex Consumption runs many instances.
/// Expiry is judged by the clock of the instance that wants the lease; instances' clocks agree to well under a second,
/// far less than the lease.
/// </summary>
public sealed partial class SyncLease
{
    internal const string PartitionKey = "lease";
    internal const string RowKey = "status-sync";
    internal const string OwnerProperty = "Owner";
    internal const string ExpiresAtProperty = "ExpiresAt";

    private readonly StorageTable _table;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger<SyncLease> _logger;

    public SyncLease(TableServiceClient tables, IOptions<StatusSyncOptions> options, TimeProvider time, ILogger<SyncLease> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = new StorageTable(tables, options.Value.RunsTable);
        _duration = options.Value.LeaseDuration;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The lease, held and renewed until the result is disposed; null when a run holds it now (here or on another
    /// instance). Throws <see cref="StorageUnavailableException"/> when storage cannot say.
    /// </summary>
    public async Task<Held?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken);
        var owner = Guid.NewGuid().ToString("N");
        try
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, cancellationToken: cancellationToken);
            var entity = Entity(owner);
            Response written;
            if (!existing.HasValue || existing.Value is null)
            {
                written = await table.AddEntityAsync(entity, cancellationToken);
            }
            else if (existing.Value.GetDateTimeOffset(ExpiresAtProperty) is { } expires && expires > _time.GetUtcNow())
            {
                return null;
            }
            else
            {
                // Expired: its run finished without giving it back, or its instance is gone.
                written = await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            }

            return new Held(this, table, owner, written.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another instance took it between our read and our write.
            return null;
        }
        catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
        {
            throw new StorageUnavailableException($"Table storage is unavailable: the status sync lease in '{_table.Name}' could not be read or taken.", e);
        }
    }

    private TableEntity Entity(string owner) => new(PartitionKey, RowKey)
    {
        [OwnerProperty] = owner,
        [ExpiresAtProperty] = _time.GetUtcNow() + _duration,
    };

    /// <summary>A held lease: renewed in the background; <see cref="Lost"/> fires if a renewal finds it taken or gone.</summary>
    public sealed class Held : IAsyncDisposable
    {
        private readonly SyncLease _lease;
        private readonly TableClient _table;
        private readonly string _owner;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;
        private ETag _etag;

        internal Held(SyncLease lease, TableClient table, string owner, ETag etag)
        {
            _lease = lease;
            _table = table;
            _owner = owner;
            _etag = etag;
            _renewing = RenewAsync();
        }

        /// <summary>Cancelled when the lease was lost: the run must stop, another may have started.</summary>
        public CancellationToken Lost => _lost.Token;

        private async Task RenewAsync()
        {
            var period = _lease._duration / 3;
            using var timer = new PeriodicTimer(period, _lease._time);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        var renewed = await _table.UpdateEntityAsync(_lease.Entity(_owner), _etag, TableUpdateMode.Replace, _stop.Token);
                        _etag = renewed.Headers.ETag ?? _etag;
                    }
                    catch (RequestFailedException e) when (e.Status is 404 or 412)
                    {
                        LogLost(_lease._logger, _lease._table.Name);
                        await _lost.CancelAsync();
                        return;
                    }
                    catch (Exception e) when (StorageUnavailableException.IsStorageFailure(e))
                    {
                        // Storage hiccup (one failure, or Azure.Core's aggregated retries): keep the run; the next tick
                        // tries again before the lease can expire.
                        LogRenewFailed(_lease._logger, e, _lease._table.Name);
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The run is over.
            }
        }

        /// <summary>Stops renewing and gives the lease back (if it is still ours), so the next run need not wait for it to expire.</summary>
        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await _table.DeleteEntityAsync(PartitionKey, RowKey, _etag, CancellationToken.None);
                }
                catch (RequestFailedException e)
                {
                    // It expires by itself.
                    LogReleaseFailed(_lease._logger, e, _lease._table.Name);
                }
            }

            _stop.Dispose();
            _lost.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Status sync lease in table {Table} was taken or removed while the run held it; the run stops")]
    private static partial void LogLost(ILogger logger, string table);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync lease in table {Table} could not be renewed; trying again")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string table);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status sync lease in table {Table} could not be given back; it expires by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string table);
}
