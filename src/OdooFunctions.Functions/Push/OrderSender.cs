using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OdooFunctions.Functions.Dashboard;
using OdooFunctions.Odoo.Models;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// Sends one MO's committed values to the dashboard orders that link it: each order through the
/// <see cref="OrderReconciler"/> against what the <see cref="LastSentIndex"/> says it was last sent, so an order is PATCHed
/// only when that differs. The index row is claimed on its ETag before the PATCH, so two instances never both send for
/// one order, and put back when the PATCH fails, so a retry does not take the order for sent.
/// </summary>
public sealed partial class OrderSender
{
    private readonly DashboardOrdersClient _dashboard;
    private readonly LastSentIndex _index;
    private readonly KeptStatuses _keptStatuses;
    private readonly ILogger<OrderSender> _logger;

    public OrderSender(DashboardOrdersClient dashboard, LastSentIndex index, IOptions<DashboardOptions> options, ILogger<OrderSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dashboard = dashboard;
        _index = index;
        _keptStatuses = options.Value.KeptStatuses;
        _logger = logger;
    }

    /// <summary>Sends <paramref name="mo"/> to the orders of its index <paramref name="rows"/>; a failed PATCH throws (the queue retries the message).</summary>
    public async Task<MoChangeResult> SendAsync(ManufacturingOrderProgress mo, IReadOnlyList<LastSentRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mo);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            LogNotLinked(_logger, mo.Id);
            return new MoChangeResult(mo.Id, MoChangeOutcome.NotLinked);
        }

        var patched = 0;
        foreach (var row in rows)
        {
            if (await SendAsync(row, mo, cancellationToken))
            {
                patched++;
            }
        }

        return new MoChangeResult(mo.Id, patched > 0 ? MoChangeOutcome.Patched : MoChangeOutcome.Unchanged, patched);
    }

    /// <summary>PATCHes one order when the reconciler says so; true when it did.</summary>
    private async Task<bool> SendAsync(LastSentRow row, ManufacturingOrderProgress mo, CancellationToken cancellationToken)
    {
        // A claim lost to another writer reads the row again and decides once more, against what that writer left.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var reconciled = OrderReconciler.Reconcile(mo, new OrderValues(row.Status, row.QtyProduced, row.OdooWriteDate), _keptStatuses);
            if (!reconciled.Patches)
            {
                return false;
            }

            var (status, qtyProduced) = reconciled.Patch;
            var before = row.Copy();
            if (!await _index.TryRecordSendAsync(row, status, qtyProduced, mo.WriteDate, cancellationToken))
            {
                row = await _index.RowAsync(mo.Id, row.OrderId, cancellationToken) ?? LastSentRow.For(mo.Id, row.OrderId);
                continue;
            }

            try
            {
                await _dashboard.PatchOrderAsync(row.OrderId, status, qtyProduced, cancellationToken);
            }
            catch
            {
                // Not sent: the index must not claim it was, or the retry of this message would skip the order.
                await _index.RestoreAsync(before, CancellationToken.None);
                throw;
            }

            LogPatched(_logger, row.OrderId, mo.Id, status, qtyProduced);
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Push: order {OrderId} (MO {MoId}) patched to {Status}, qty_produced {QtyProduced}")]
    private static partial void LogPatched(ILogger logger, string orderId, long moId, string status, double qtyProduced);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Push: no dashboard order links MO {MoId}")]
    private static partial void LogNotLinked(ILogger logger, long moId);
}
