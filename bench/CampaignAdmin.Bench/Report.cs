using System.Diagnostics;
using System.Globalization;

namespace CampaignAdmin.Bench;

/// <summary>Figures on stdout (<c>name: value unit</c>), everything else on stderr, and the statistics behind them.</summary>
internal static class Report
{
    private static readonly Stopwatch Since = Stopwatch.StartNew();

    public static void Figure(string name, double value, string unit, int decimals = 1) =>
        Console.Out.WriteLine($"{name}: {value.ToString("F" + decimals, CultureInfo.InvariantCulture)} {unit}");

    public static void Note(string text) =>
        Console.Error.WriteLine($"# [{Since.Elapsed.TotalSeconds,7:F2}s] {text}");

    public static double Median(IReadOnlyList<double> samples) => Percentile(samples, 0.5);

    /// <summary>Linear interpolation between closest ranks.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    public static string Summary(IReadOnlyList<double> samples) =>
        string.Create(CultureInfo.InvariantCulture,
            $"n={samples.Count} min={samples.Min():F2} median={Median(samples):F2} p95={Percentile(samples, 0.95):F2} max={samples.Max():F2} ms");

    public static double Ms(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
}
