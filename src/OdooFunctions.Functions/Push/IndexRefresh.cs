using Microsoft.Extensions.Logging;
using OdooFunctions.Functions.Dashboard;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// When the push meets an MO the <see cref="LastSentIndex"/> does not know (an order linked since the last full sync):
/// lists the dashboard and rewrites the index, unless another instance did (or is doing) so within
/// <see cref="DashboardOptions.IndexRefreshInterval"/>: the <see cref="IndexRefreshGate"/> lets one caller through, app-wide.
/// </summary>
public sealed partial class IndexRefresh(
    DashboardOrdersClient dashboard, LastSentIndex index, IndexRefreshGate gate, TimeProvider time, ILogger<IndexRefresh> logger)
{
    /// <summary>
    /// <see cref="RefreshGateState.Opened"/> when this call refreshed the index; otherwise what the gate said, and nothing
    /// was listed.
    /// </summary>
    public async Task<RefreshGateState> TryRefreshAsync(CancellationToken cancellationToken)
    {
        var opened = await gate.TryOpenAsync(cancellationToken);
        if (opened != RefreshGateState.Opened)
        {
            return opened;
        }

        // Read before the list: a row the push writes after this moment is newer than the list (and kept).
        var existing = await index.AllAsync(cancellationToken);
        var listedAt = time.GetUtcNow();
        var orders = await dashboard.GetLinkedOrdersAsync(cancellationToken);
        var written = await index.RewriteAsync(IndexedOrder.From(orders), listedAt, existing, cancellationToken);
        await gate.CloseAsync(cancellationToken);
        LogRefreshed(logger, orders.Count, written);
        return RefreshGateState.Opened;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: index refreshed from the dashboard ({Orders} linked orders, {Written} rows written)")]
    private static partial void LogRefreshed(ILogger logger, int orders, int written);
}
