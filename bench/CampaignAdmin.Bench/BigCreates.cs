using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CampaignAdmin.Bench;

/// <summary>
/// Creates against the standalone API as a child process on a fresh database: the first 100,000-client create of a fresh
/// process (sent once <c>/health/ready</c> says ready, as a readiness probe would let it through), a 450,000-client create while small requests keep coming (how long each of them waits), and a
/// 1,000,000-client create with the server's peak memory. Each big campaign is scheduled a year ahead, so the
/// dispatcher is not sending it while the next figure is taken.
/// </summary>
internal static class BigCreates
{
    public static async Task RunAsync(BenchOptions options)
    {
        var (first, mid, big) = options.Quick ? (10_000, 45_000, 100_000) : (100_000, 450_000, 1_000_000);
        var firstBody = Body($"first {first}", "51", first);
        await using var server = await ServerProcess.StartAsync();
        Report.Note($"child API pid {server.Id} answering {server.ReadyMs:F0} ms after its start (migrated, seeded), RSS {server.RssMb():F0} MiB");
        Report.Figure("api_ready_ms", server.ReadyMs, "ms", 0);
        Report.Figure("api_warm_ms", server.WarmMs, "ms", 0);

        var firstCpu = server.CpuMs();
        var (firstMs, detail) = await PostCreateAsync(server.Http, firstBody, first);
        Report.Note($"first create in a fresh process, {first:N0} clients: {firstMs:F0} ms ({detail}); child CPU {server.CpuMs() - firstCpu:F0} ms");
        Report.Figure("create_100k_first_ms", firstMs, "ms", 0);

        await MeasureWithOthersAsync(server, Body($"big {mid}", "53", mid), mid);

        var bigBody = Body($"big {big}", "54", big);
        Report.Note($"create: posting {big:N0} clients ({bigBody.Length / 1024.0 / 1024.0:F1} MiB); child RSS before {server.RssMb():F0} MiB");
        server.ResetPeak();
        var cpu = server.CpuMs();
        var (bigMs, bigDetail) = await PostCreateAsync(server.Http, bigBody, big);
        var peak = server.PeakRssMb();
        Report.Note($"create {big:N0}: {bigMs:F0} ms ({bigDetail}); child CPU {server.CpuMs() - cpu:F0} ms, peak RSS {peak:F0} MiB, now {server.RssMb():F0} MiB");
        Report.Figure("create_1m_ms", bigMs, "ms", 0);
        Report.Figure("create_1m_peak_rss_mb", peak, "MiB", 0);
    }

    /// <summary>
    /// While the big create is in flight (upload included), one loop lists the first 25 campaigns and another creates
    /// 2-client campaigns, each request after the last: every answer's time is a wait someone would see.
    /// </summary>
    private static async Task MeasureWithOthersAsync(ServerProcess server, byte[] body, int clients)
    {
        Report.Note($"create: posting {clients:N0} clients ({body.Length / 1024.0 / 1024.0:F1} MiB) with small requests beside it");
        server.ResetPeak();
        var cpu = server.CpuMs();
        // The server's collections meanwhile: a wait beside the create that no lock explains is often one of them.
        using var gcs = Dashboard.GcWatch.Start(server.Id);
        var (ms, detail, waits) = await WithOthersAsync(server.Http, body, clients);
        Report.Note($"create {clients:N0}: {ms:F0} ms ({detail}); child CPU {server.CpuMs() - cpu:F0} ms, peak RSS {server.PeakRssMb():F0} MiB");
        Report.Note($"  server GCs meanwhile: {gcs.Stop()}");
        Report.Figure("create_450k_ms", ms, "ms", 0);
        Report.Figure("create_450k_others_max_wait_ms", waits.Max(), "ms", 1);
        Report.Figure("create_450k_others_p99_wait_ms", Report.Percentile(waits, 0.99), "ms", 1);
    }

    /// <summary>--phases: the same on an in-process host, where the GC's pauses and the thread pool can be watched.</summary>
    public static async Task DiagnoseStallsAsync(ApiHost host, BenchOptions options)
    {
        var clients = options.Quick ? 45_000 : 450_000;
        var body = Body($"stalls {clients}", "53", clients);
        var (pauses, count) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var gen2 = GC.CollectionCount(2);
        var maxQueue = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                maxQueue = Math.Max(maxQueue, ThreadPool.PendingWorkItemCount);
                await Task.Delay(5);
            }
        });
        var (ms, detail, _) = await WithOthersAsync(host.Http, body, clients);
        await sampling.CancelAsync();
        await sampler;
        var gcs = GC.CollectionCount(0) - count;
        Report.Note($"--phases: in-process {clients:N0}-client create beside small requests: {ms:F0} ms ({detail}); " +
                    $"{gcs} GCs ({GC.CollectionCount(2) - gen2} gen2) pausing {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms in all, " +
                    $"longest recent pause {LongestPauseMs():F0} ms; thread pool queue up to {maxQueue}, {ThreadPool.ThreadCount} threads");
    }

    private static double LongestPauseMs() =>
        new[] { GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background }
            .SelectMany(kind => GC.GetGCMemoryInfo(kind).PauseDurations.ToArray()).DefaultIfEmpty().Max(p => p.TotalMilliseconds);

    private static async Task<(double Ms, string Detail, List<double> Waits)> WithOthersAsync(HttpClient http, byte[] body, int clients)
    {
        var reads = new List<double>();
        var creates = new List<double>();
        var longest = new List<(double At, double Ms, string What)>();
        var started = Stopwatch.GetTimestamp();
        var bigCreate = PostCreateAsync(http, body, clients);
        var readLoop = LoopAsync(bigCreate, reads, longest, "getAll", started, () => http.GetByteArrayAsync("v2/campaign/getAll?resultSize=25"));
        var createLoop = LoopAsync(bigCreate, creates, longest, "create", started, async () =>
        {
            var phones = Workload.Phones("55", 1_000_000 + Interlocked.Add(ref _smallNumbers, 2), 2);
            using var response = await http.PostAsync("v2/campaign/create", Json(Workload.Serialize(Workload.Campaign("beside the big one", phones))));
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"small create answered {(int)response.StatusCode}");
        });
        var (ms, detail) = await bigCreate;
        await Task.WhenAll(readLoop, createLoop);
        Report.Note($"  beside it, getAll?resultSize=25: {Report.Summary(reads)}");
        Report.Note($"  beside it, 2-client creates: {Report.Summary(creates)}");
        Report.Note("  the longest waits, by when they began (ms into the big create): " +
                    string.Join(", ", longest.OrderByDescending(w => w.Ms).Take(8).OrderBy(w => w.At).Select(w => FormattableString.Invariant($"{w.What} {w.Ms:F0} ms at {w.At:F0}"))));
        return (ms, detail, [.. reads, .. creates]);
    }

    private static int _smallNumbers;

    private static async Task LoopAsync(Task until, List<double> samples, List<(double At, double Ms, string What)> longest, string what,
        long started, Func<Task> request)
    {
        while (!until.IsCompleted)
        {
            var start = Stopwatch.GetTimestamp();
            await request();
            var ms = Report.Ms(start);
            samples.Add(ms);
            lock (longest) longest.Add((Stopwatch.GetElapsedTime(started, start).TotalMilliseconds, ms, what));
        }
    }

    /// <summary>A create scheduled a year ahead, serialized before anything is timed.</summary>
    private static byte[] Body(string name, string prefix, int clients)
    {
        var request = Workload.Campaign(name, Workload.Phones(prefix, 1_000_000, clients));
        request.SendAt = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var body = Workload.Serialize(request);
        GC.Collect();
        return body;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The time until the whole answer was read.</summary>
    private static async Task<(double Ms, string Detail)> PostCreateAsync(HttpClient http, byte[] body, int clients)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync("v2/campaign/create", Json(body));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var ms = Report.Ms(start);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"create answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 500)))}");
        using var document = JsonDocument.Parse(bytes);
        var total = document.RootElement.GetProperty("Total").GetInt32();
        if (total != clients) throw new InvalidOperationException($"created campaign has Total {total}, expected {clients}");
        return (ms, $"answer {bytes.Length:N0} bytes, {document.RootElement.GetProperty("Clients").GetArrayLength()} clients echoed");
    }
}
