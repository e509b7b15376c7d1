using System.Collections.Concurrent;
using OdooFunctions.Functions.Contract;

namespace OdooFunctions.Functions.Sync;

/// <summary>
/// What one run counted and the first errors it met, for its <see cref="SyncRun"/> record: filled by the
/// <see cref="SyncPass"/> (the PATCH counts by several PATCHes at once) and by <see cref="StatusSync"/> when the run fails.
/// </summary>
internal sealed class SyncTally(int maxErrors)
{
    private readonly ConcurrentQueue<string> _errors = new();
    private int _errorCount;
    private int _patched;
    private int _failed;

    public int Linked { get; set; }
    public int Read { get; set; }
    public int Changed { get; set; }
    public int Missing { get; set; }
    public int Unreadable { get; set; }
    public int Kept { get; set; }
    public int OdooCalls { get; set; }
    public int Patched => Volatile.Read(ref _patched);
    public int Failed => Volatile.Read(ref _failed);
    public int ErrorCount => Volatile.Read(ref _errorCount);

    public void AddPatched() => Interlocked.Increment(ref _patched);

    public void AddFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Keeps the first errors for the record; the rest are only counted (the log has them all).</summary>
    public void Error(string message)
    {
        if (Interlocked.Increment(ref _errorCount) <= maxErrors)
        {
            _errors.Enqueue(message);
        }
    }

    public List<string> Errors()
    {
        var errors = _errors.ToList();
        if (ErrorCount > maxErrors)
        {
            errors.Add($"... and {ErrorCount - maxErrors} more (see the log).");
        }

        return errors;
    }

    /// <summary>A value quoted in an error, cut so that one long id or message cannot fill the record.</summary>
    public static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
