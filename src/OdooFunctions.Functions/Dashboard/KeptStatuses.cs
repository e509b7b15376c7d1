namespace OdooFunctions.Functions.Dashboard;

/// <summary>
/// Dashboard statuses a person sets on purpose (<c>SYNC_KEEP_STATUSES</c>, e.g. <c>on_hold</c>): Odoo's state does not
/// override them, neither on the timer's run nor on a push. Compared in any case, as people write them.
/// </summary>
public sealed class KeptStatuses(IEnumerable<string> statuses)
{
    private readonly HashSet<string> _statuses = new(statuses, StringComparer.OrdinalIgnoreCase);

    /// <summary>Nothing kept (the default): every linked order gets its MO's status.</summary>
    public static KeptStatuses None { get; } = new([]);

    /// <summary>True when an order showing <paramref name="status"/> is to be left alone.</summary>
    public bool Keeps(string? status) => status is not null && _statuses.Contains(status);
}
