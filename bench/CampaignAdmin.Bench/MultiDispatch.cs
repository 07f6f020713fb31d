using System.Diagnostics;
using System.Globalization;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Bench;

/// <summary>
/// Issue 13's scale-out figure: one campaign (<c>--dispatch-size</c>, 100,000 by default) dispatched by 1, 2 and 3 API
/// processes on one fresh PostgreSQL database each time, unpaced, through the sandbox. The campaign is scheduled a few
/// seconds ahead so that every instance is up and sees it due at once; the rate is the sandbox's own record: sends over
/// the time from the campaign's <c>SendAt</c> to the last send (a batch's messages share one send moment, so "first to
/// last" would leave the first batch out).
/// <para>Unpaced against the instant sandbox the figure is CPU-bound: every instance and PostgreSQL share the machine's
/// cores. A real provider is far away: each batch waits on round trips. So the same 1, 2, 3 run is repeated with the
/// sandbox taking <see cref="ProviderLatency"/> per batch of 500 (4 in flight per instance: at most 667/s each), a smaller
/// campaign, to show what a second and a third instance add where the wait is the provider's and not the machine's.</para>
/// </summary>
internal static class MultiDispatch
{
    private static readonly TimeSpan Ahead = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>A batch's time at the provider in the latency-bound round.</summary>
    public static readonly TimeSpan ProviderLatency = TimeSpan.FromSeconds(3);

    private const int LatencyBoundSize = 60_000;

    public static async Task RunAsync(BenchOptions options)
    {
        if (Environment.GetEnvironmentVariable("BENCH_MULTI_PROVIDER_BOUND_ONLY") != "1") await CpuBoundAsync(options);
        var bound = new Dictionary<int, double>();
        for (var instances = 1; instances <= 3; instances++)
        {
            bound[instances] = await DispatchAsync(instances, LatencyBoundSize, ProviderLatency);
            Report.Figure($"dispatch_{instances}x_provider_bound_per_s", bound[instances], "msg/s", 0);
        }
        Report.Figure("dispatch_3x_vs_1x_provider_bound", bound[3] / bound[1], "x", 2);
    }

    private static async Task CpuBoundAsync(BenchOptions options)
    {
        var rates = new Dictionary<int, double>();
        for (var instances = 1; instances <= 3; instances++)
        {
            rates[instances] = await DispatchAsync(instances, options.DispatchSize);
            Report.Figure($"dispatch_{instances}x_per_s", rates[instances], "msg/s", 0);
        }
        Report.Figure("dispatch_3x_vs_1x", rates[3] / rates[1], "x", 2);
    }

    private static async Task<double> DispatchAsync(int instances, int size, TimeSpan? latency = null)
    {
        using var database = new TestDatabase(DatabaseProvider.Postgres);
        var apiKey = ServerProcess.NewApiKey();
        var settings = new Dictionary<string, string> { ["Dispatcher:PollInterval"] = "00:00:00.100" };
        if (latency is { } wait) settings["Sandbox:Latency"] = wait.ToString("c", CultureInfo.InvariantCulture);
        var servers = new List<ServerProcess>();
        try
        {
            // The first alone (it migrates and seeds), then the others together.
            servers.Add(await ServerProcess.StartAsync(database, apiKey, settings));
            servers.AddRange(await Task.WhenAll(Enumerable.Range(1, instances - 1).Select(_ => ServerProcess.StartAsync(database, apiKey, settings))));

            var request = Workload.Campaign($"multi {instances}x {size}", Workload.Phones("58", 1_000_000, size));
            var created = Stopwatch.StartNew();
            var sendAt = DateTimeOffset.UtcNow.Add(Ahead);
            request.SendAt = sendAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture);
            var campaign = await servers[0].Api.CreateCampaignAsync(request);
            var label = latency is null ? "" : $" (provider {latency.Value.TotalSeconds:F0} s a batch)";
            Report.Note($"dispatch, {instances} instance(s){label}: created {size:N0} in {created.ElapsedMilliseconds} ms, status {campaign.Status}");

            var expected = size - Workload.Phones("58", 1_000_000, size).Count(p => p.EndsWith("0000", StringComparison.Ordinal) || p.EndsWith("0001", StringComparison.Ordinal));
            var (sends, first, last) = (0L, 0L, 0L);
            while (created.Elapsed < Timeout)
            {
                (sends, first, last) = await SendsAsync(database);
                if (sends >= expected && await OutstandingAsync(database) == 0) break;
                await Task.Delay(200);
            }
            var seconds = Math.Max(last - sendAt.ToUnixTimeMilliseconds(), 1) / 1000.0;
            Report.Note($"dispatch, {instances} instance(s){label}: {sends:N0} sends (expected {expected:N0}) in {seconds:F2} s from SendAt to the last " +
                        $"(first {first - sendAt.ToUnixTimeMilliseconds()} ms after SendAt)");
            return sends / seconds;
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }

    private static async Task<(long Sends, long First, long Last)> SendsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(MIN(SentAt), 0), COALESCE(MAX(SentAt), 0) FROM Sandbox_Sends";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<long> OutstandingAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Messages WHERE Status IN ({(int)MessageStatus.Pending}, {(int)MessageStatus.Sending})";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
