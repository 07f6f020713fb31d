using System.Reflection;
using System.Diagnostics;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// The browser figures (README, Benchmark): the product as a user meets it, a real dashboard process driven by Chromium.
/// Each group of figures is one class with a <c>RunAsync(DashboardBench, BenchOptions)</c>, called from here.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        if (typeof(DashboardBenchmark).Assembly.GetCustomAttribute<DebuggableAttribute>() is { IsJITOptimizerDisabled: true })
            Report.Note("WARNING: not an optimized (Release) build; figures are not representative");
        await using var bench = await DashboardBench.StartAsync();
        var (rss, _) = bench.ServerMemory();
        Report.Note($"dashboard started: server RSS {rss / 1024.0:F0} MiB");
        if (options.Runs("circuits")) await CircuitFigures.RunAsync(bench, options);
        if (options.Runs("builder")) await BuilderFigures.RunAsync(bench, options);
        if (options.Runs("drafts")) await DraftFigures.RunAsync(bench, options);
        return 0;
    }
}
