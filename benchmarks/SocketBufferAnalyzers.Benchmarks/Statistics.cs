namespace SocketBufferAnalyzers.Benchmarks;

/// <summary>The one median every table of the benchmarks prints.</summary>
internal static class Statistics
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); NaN for no values.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
