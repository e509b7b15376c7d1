using System.Collections.Concurrent;
using System.Globalization;

namespace OdooFunctions.Doubles.Odoo;

/// <summary>
/// The lines the double logs the way Odoo's log file has them
/// (<c>2026-12-01 18:29:31,368 28277 WARNING odoo_test odoo.addons.base.models.ir_actions: Webhook call failed: ... </c>;
/// the webhook lines end with a space, as recorded: Odoo's format ends with a perf info that is empty there). Thread-safe.
/// </summary>
public sealed class OdooServerLog
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly string _database;
    private readonly TextWriter? _writer;
    private readonly Lock _writeGate = new();

    internal OdooServerLog(string database, TextWriter? writer)
    {
        _database = database;
        _writer = writer;
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Reset() => _lines.Clear();

    internal void Write(string level, string logger, string message, bool trailingSpace = true)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss,fff} {Environment.ProcessId} {level} {_database} {logger}: {message}{(trailingSpace ? " " : "")}");
        _lines.Enqueue(line);
        if (_writer is not null)
        {
            lock (_writeGate)
            {
                _writer.WriteLine(line);
                _writer.Flush();
            }
        }
    }
}
