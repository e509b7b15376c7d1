using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// One writing call's transaction (see <see cref="OdooRecordStore"/>): its own copies of the tables it touched, the
/// webhooks its automation rules fired, and the writer's turn, which it holds until it is disposed. Dispose without
/// <see cref="Commit"/> is a rollback.
/// </summary>
internal sealed class OdooTransaction : IDisposable
{
    private readonly TaskCompletionSource _turn;

    internal OdooTransaction(OdooRecordStore store, string stamp, TaskCompletionSource turn)
    {
        Store = store;
        Stamp = stamp;
        _turn = turn;
    }

    public OdooRecordStore Store { get; }

    /// <summary>PostgreSQL's now() for this transaction: every create_date and write_date it sets.</summary>
    public string Stamp { get; }

    /// <summary>The tables this transaction read or changed, copied from the committed ones on first use.</summary>
    public Dictionary<string, SortedDictionary<long, JsonObject>> Staged { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Webhook POSTs the automation rules fired, in order, with the payload read when each rule fired.</summary>
    public List<OdooWebhookCall> Webhooks { get; } = [];

    public bool Committed { get; private set; }

    /// <summary>Runs the synchronous part of the call with this transaction as the store's view.</summary>
    public T Run<T>(Func<T> call)
    {
        var outer = OdooRecordStore.Entered;
        OdooRecordStore.Enter(this);
        try
        {
            return call();
        }
        finally
        {
            OdooRecordStore.Enter(outer);
        }
    }

    /// <summary>Makes the changes visible to every other call at once.</summary>
    public void Commit()
    {
        lock (Store.Gate)
        {
            Store.CommitUnlocked(Staged);
        }
        Staged = new(StringComparer.Ordinal);
        Committed = true;
    }

    /// <summary>Lets the next writing call in (the transaction's changes are dropped unless committed).</summary>
    public void Dispose() => _turn.TrySetResult();
}
