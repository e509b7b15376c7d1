using System.Text.Json.Nodes;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// One writing call's transaction (see <see cref="OdooRecordStore"/>): its own copies of the records it touched, the
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

    // Per model, the records this transaction read through Find or changed (copies of the committed ones, new ones),
    // and null for the ones it deleted.
    private Dictionary<string, Dictionary<long, JsonObject?>> _changes = new(StringComparer.Ordinal);

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

    /// <summary>This transaction's records of <paramref name="model"/> (see <see cref="OdooRecordStore.Find"/>).</summary>
    public Dictionary<long, JsonObject?> Changes(string model)
    {
        if (!_changes.TryGetValue(model, out var changes))
        {
            changes = [];
            _changes[model] = changes;
        }
        return changes;
    }

    /// <summary>Makes the changes visible to every other call at once.</summary>
    public void Commit()
    {
        lock (Store.Gate)
        {
            Store.CommitUnlocked(_changes);
        }
        _changes = new(StringComparer.Ordinal);
        Committed = true;
    }

    /// <summary>Lets the next writing call in (the transaction's changes are dropped unless committed).</summary>
    public void Dispose() => _turn.TrySetResult();
}
