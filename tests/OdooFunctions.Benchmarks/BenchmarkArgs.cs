using System.Globalization;

namespace OdooFunctions.Benchmarks;

/// <summary>The benchmarks' command-line options (<c>--name value</c>).</summary>
internal static class BenchmarkArgs
{
    public static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
