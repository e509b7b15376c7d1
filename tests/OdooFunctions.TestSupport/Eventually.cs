using System.Diagnostics;

namespace OdooFunctions.TestSupport;

/// <summary>
/// Waits for what another thread or process does (a queue trigger, a webhook delivery, a call reaching a double) by
/// polling: those give the test nothing to await.
/// </summary>
public static class Eventually
{
    /// <summary>How long <see cref="WaitAsync"/> waits unless told: generous, so that a loaded machine does not fail a test.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    /// <summary>Waits until <paramref name="condition"/> holds, failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!await HoldsWithinAsync(condition, timeout ?? DefaultTimeout))
        {
            throw new TimeoutException("Timed out waiting for " + what);
        }
    }

    /// <summary>Waits until the asynchronous <paramref name="condition"/> holds (e.g. an HTTP call answers as expected), failing with <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException("Timed out waiting for " + what);
            }

            await Task.Delay(Poll);
        }
    }

    /// <summary>Whether <paramref name="condition"/> came to hold within <paramref name="timeout"/>: for a caller that counts what never came.</summary>
    public static async Task<bool> HoldsWithinAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(Poll);
        }

        return true;
    }
}
