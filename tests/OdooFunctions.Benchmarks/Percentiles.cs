namespace OdooFunctions.Benchmarks;

/// <summary>The one percentile every benchmark prints: the sample at that fraction of the sorted samples.</summary>
internal static class Percentiles
{
    /// <summary>0.5: the median; 0.99: p99. Samples that are NaN (nothing measured) are left out; NaN when none is left.</summary>
    public static double Of(IEnumerable<double> samples, double fraction)
    {
        var sorted = samples.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * fraction))];
    }
}
