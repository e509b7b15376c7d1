using Azure;
using Azure.Data.Tables;

namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// One dashboard order linked to an MO in the <see cref="LastSentIndex"/>, with the status and quantity the dashboard was
/// last known to hold: written by every full sync from the dashboard's list, and by the push just before it PATCHes. MOs share partitions by
/// hundreds (<c>mo-&lt;id/100&gt;</c>), so a full rewrite goes out in batch transactions of up to 100 rows.
/// </summary>
public sealed class LastSentRow : ITableEntity
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

    /// <summary>The Odoo <c>write_date</c> of the values the push sent (null when the sync wrote the row).</summary>
    public DateTime? OdooWriteDate { get; set; }

    /// <summary><see cref="SourceSync"/> or <see cref="SourcePush"/>.</summary>
    public string Source { get; set; } = SourceSync;

    public DateTimeOffset UpdatedAt { get; set; }

    public static LastSentRow For(long moId, string orderId) => new()
    {
        PartitionKey = Partition(moId),
        RowKey = RowPrefix(moId) + Uri.EscapeDataString(orderId),
        MoId = moId,
        OrderId = orderId,
    };

    public static string Partition(long moId) => "mo-" + (moId / MosPerPartition).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every row of an MO starts with this ('-' sorts just before '.', which bounds the range).</summary>
    public static string RowPrefix(long moId) => moId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";

    /// <summary>
    /// True when the push wrote this row at or after <paramref name="listedAt"/>: what it sent is newer than a list of the
    /// dashboard taken then, so neither that list nor a PATCH decided from it may write over it.
    /// </summary>
    public bool IsPushedSince(DateTimeOffset listedAt) => Source == SourcePush && UpdatedAt >= listedAt;

    /// <summary>A detached copy (the values to put back when a send fails).</summary>
    public LastSentRow Copy() => (LastSentRow)MemberwiseClone();
}
