using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>Another instance holds the sync lease: this run did not start (409).</summary>
public sealed class SyncAlreadyRunningException() : Exception("A status sync is already running; try again when it has finished.");

/// <summary>
/// A run that stopped (<see cref="SyncOutcome.Failed"/>); its record goes back with the answer, so the caller sees what
/// was read and patched before it stopped. <see cref="SyncRun.Failure"/> says whose failure it was.
/// </summary>
public sealed class SyncFailedException(SyncRun run) : Exception($"Sync failed: {(run.Errors.Count > 0 ? run.Errors[0] : run.Failure)}")
{
    public SyncRun Run { get; } = run;
}
