namespace OdooFunctions.Functions.Contract;

/// <summary>
/// The record of one sync run, as stored in Table storage and answered by <c>/api/sync/status</c>.
/// <c>outcome</c> (<see cref="SyncOutcome"/>) is <c>succeeded</c> (every changed order patched), <c>partial</c> (some PATCHes failed or
/// MOs were missing; the next run repairs what it can) or <c>failed</c> (the run stopped: dashboard or Odoo
/// unreachable or answering garbage; nothing was patched).
/// </summary>
public sealed record SyncRun
{
    public required string Id { get; init; }
    public required string Trigger { get; init; }
    public required string Outcome { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public long DurationMs { get; init; }

    /// <summary>Dashboard orders carrying an Odoo MO id.</summary>
    public int Linked { get; init; }

    /// <summary>MOs found in Odoo.</summary>
    public int Read { get; init; }

    /// <summary>Orders whose status or quantity differs from Odoo.</summary>
    public int Changed { get; init; }

    /// <summary>Changed orders updated on the dashboard.</summary>
    public int Patched { get; init; }

    /// <summary>Changed orders whose PATCH failed (retried by the next run, which compares again).</summary>
    public int Failed { get; init; }

    /// <summary>Orders whose MO no longer exists in Odoo.</summary>
    public int Missing { get; init; }

    /// <summary>Orders left alone because a value the sync compares (<c>status</c>, <c>qty_produced</c>) could not be read.</summary>
    public int Unreadable { get; init; }

    /// <summary>Orders left alone because their dashboard status is one of <c>SYNC_KEEP_STATUSES</c>.</summary>
    public int Kept { get; init; }

    /// <summary>Odoo reads this run issued (one <c>search_read</c> per batch).</summary>
    public int OdooCalls { get; init; }

    /// <summary>What failed a <see cref="SyncOutcome.Failed"/> run (<see cref="SyncFailure"/>); null otherwise.</summary>
    public string? Failure { get; init; }

    /// <summary>The first errors, short and free of secrets.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
