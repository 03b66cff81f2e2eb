namespace Orchestrator.Bench;

/// <summary>Percentiles of a sample (nearest-rank).</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Summary(IReadOnlyList<double> values, string unit) =>
        $"p50 {Percentile(values, 50):F2} {unit}, p90 {Percentile(values, 90):F2} {unit}, p99 {Percentile(values, 99):F2} {unit}, max {values.Max():F2} {unit} (n={values.Count})";
}
