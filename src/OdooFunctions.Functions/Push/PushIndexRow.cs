using Azure;
using Azure.Data.Tables;
using OdooFunctions.Odoo;

namespace OdooFunctions.Functions.Push;

/// <summary>
/// One dashboard order linked to an MO, with the status and quantity the dashboard was last known to hold: written by
/// every full sync from the dashboard's list, and by the processor just before it PATCHes. MOs share partitions by
/// hundreds (<c>mo-&lt;id/100&gt;</c>), so a full rewrite goes out in batch transactions of up to 100 rows.
/// </summary>
public sealed class PushIndexRow : ITableEntity
{
    public const string SourceSync = "sync";
    public const string SourcePush = "push";
    private const int MosPerPartition = 100;

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long MoId { get; set; }

    public string OrderId { get; set; } = "";

    public string? Status { get; set; }

    public double? QtyProduced { get; set; }

    /// <summary>The Odoo <c>write_date</c> of the values the processor sent (null when the sync wrote the row).</summary>
    public DateTime? OdooWriteDate { get; set; }

    /// <summary><see cref="SourceSync"/> or <see cref="SourcePush"/>.</summary>
    public string Source { get; set; } = SourceSync;

    public DateTimeOffset UpdatedAt { get; set; }

    public static PushIndexRow For(long moId, string orderId) => new()
    {
        PartitionKey = Partition(moId),
        RowKey = RowPrefix(moId) + Uri.EscapeDataString(orderId),
        MoId = moId,
        OrderId = orderId,
    };

    public static string Partition(long moId) => "mo-" + (moId / MosPerPartition).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every row of an MO starts with this ('-' sorts just before '.', which bounds the range).</summary>
    public static string RowPrefix(long moId) => moId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";

    /// <summary>A detached copy (the values to put back when a send fails).</summary>
    public PushIndexRow Copy() => (PushIndexRow)MemberwiseClone();

    public bool Holds(string status, double qtyProduced) =>
        string.Equals(Status, status, StringComparison.Ordinal) && QtyProduced is { } qty && OdooQuantity.Same(qtyProduced, qty);
}
