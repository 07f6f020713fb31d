using System.Diagnostics;
using System.Globalization;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Api.Sending;

namespace CampaignAdmin.Bench;

/// <summary>
/// The dispatcher as the provider sees it, on its own host paced at 1,000 messages a second: when each message reached
/// the sandbox (its own <c>Sandbox_Sends.SentAt</c>, written at the provider call), counted over every sliding 1 s and
/// 100 ms window; and how long after its <c>SendAt</c> a scheduled campaign's first message goes out.
/// </summary>
internal static class PaceBenchmark
{
    private const int PerSecond = 1000;
    private const int Schedules = 5;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static async Task RunAsync(BenchOptions options)
    {
        var messages = options.Quick ? 3_000 : 10_000;
        Report.Note($"pace: {messages:N0} messages at {PerSecond}/s, then {Schedules} scheduled campaigns");
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Dispatcher:MessagesPerSecond"] = PerSecond.ToString(CultureInfo.InvariantCulture),
        });
        await host.Api.CreateCampaignAsync(Workload.Campaign("pace warm-up", Workload.Phones("57", 3_000_000, 20)));
        await WaitForSendsAsync(host, 20);

        await host.Api.CreateCampaignAsync(Workload.Campaign("pace", Workload.Phones("53", 1_000_000, messages)));
        var sends = (await WaitForSendsAsync(host, 20 + messages)).Skip(20).ToList();
        var seconds = (sends[^1] - sends[0]) / 1000.0;
        Report.Note($"pace: {sends.Count:N0} sent over {seconds:F2} s");
        var each = sends.ConvertAll(at => (at, 1));
        Report.Figure("pace_1000_max_1s", Pacer.MostInAnyWindow(each, 1000), "msg", 0);
        Report.Figure("pace_1000_max_100ms", Pacer.MostInAnyWindow(each, 100), "msg", 0);
        Report.Figure("pace_1000_avg_per_s", (sends.Count - 1) / seconds, "msg/s", 0);

        var latencies = new List<double>();
        var sent = 20 + messages;
        for (var i = 0; i < Schedules; i++)
        {
            // SendAt has whole seconds: the next one at least 1.5 s away.
            var now = DateTimeOffset.UtcNow;
            var sendAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(now.Millisecond >= 500 ? 3 : 2);
            var request = Workload.Campaign($"scheduled {i}", Workload.Phones("54", 1_000_000 + i * 10, 2));
            request.SendAt = sendAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            var campaign = await host.Api.CreateCampaignAsync(request);
            if (campaign.Status != CampaignStatus.Scheduled) throw new InvalidOperationException($"campaign {campaign.Id} is '{campaign.Status}', not scheduled");
            sent += 2;
            var first = (await WaitForSendsAsync(host, sent))[^2];
            latencies.Add(first - sendAt.ToUnixTimeMilliseconds());
        }
        Report.Note($"SendAt -> first message: {Report.Summary(latencies)} (the sandbox records whole milliseconds)");
        Report.Figure("sendat_first_message_ms", Report.Median(latencies), "ms", 0);
        Report.Figure("sendat_first_message_max_ms", latencies.Max(), "ms", 0);
    }

    /// <summary>Every send's time (unix ms), oldest first, once there are <paramref name="count"/>: polls a count, reads the times once.</summary>
    private static async Task<List<long>> WaitForSendsAsync(ApiHost host, int count)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var sent = await QueryAsync(host, "SELECT COUNT(*) FROM Sandbox_Sends");
            if (sent[0] >= count) return await QueryAsync(host, "SELECT SentAt FROM Sandbox_Sends ORDER BY SentAt");
            if (Stopwatch.GetElapsedTime(start) > Timeout) throw new TimeoutException($"{sent[0]} of {count} sent");
            await Task.Delay(50);
        }
    }

    private static async Task<List<long>> QueryAsync(ApiHost host, string sql)
    {
        await using var connection = await host.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetInt64(0));
        return values;
    }
}
