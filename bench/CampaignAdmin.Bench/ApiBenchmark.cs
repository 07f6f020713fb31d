using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Bench;

/// <summary>
/// The design's API targets (README, Benchmark), measured end to end over real HTTP against an in-process Kestrel host:
/// create a 100k-client campaign, dispatch it unpaced through the sandbox, page its messages, list 1,000 campaigns.
/// </summary>
internal static class ApiBenchmark
{
    private const int PageSize = 100;
    private const int WarmupRequests = 10;
    private const int RoundsPerPosition = 60;
    private const int ListSamples = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DispatchTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>What this run created, so it knows what "settled" looks like.</summary>
    private sealed class Expected
    {
        public int Sent;
        public int Reads;
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        if (!IsOptimized()) Report.Note("WARNING: not an optimized (Release) build; figures are not representative");
        ApiHost.Provider = options.Database;
        Report.Note($"database: {options.Database}{(options.Database == DatabaseProvider.Postgres ? " (a server started for this run; create_100k_floor_ms stays SQLite's raw insert floor)" : "")}");
        if (options.Only == "webhooks")
        {
            await WebhookBenchmark.RunAsync(options);
            return 0;
        }
        if (options.Only == "whatsapp")
        {
            await WhatsAppDispatch.RunAsync(options);
            return 0;
        }
        if (options.Only == "multi")
        {
            await MultiDispatch.RunAsync(options);
            return 0;
        }
        Report.Note($"api benchmark: {options.Clients:N0} clients, {options.Campaigns:N0} campaigns{(options.Quick ? " (--quick)" : "")}, " +
                    $"{Environment.ProcessorCount} cores, server GC={System.Runtime.GCSettings.IsServerGC}");

        if (options.Only == "phases")
        {
            await CreatePhases.RunAsync(options);
            return 0;
        }
        if (options.Only == "create")
        {
            // Just the warm create beside its floor: the in-process host, warmed as the full run warms it.
            await using var host = await ApiHost.StartAsync();
            var warmedUp = new Expected();
            await WarmUpAsync(host, warmedUp);
            // As the full run does before its warm creates: the warm-up's receipts are not written beside the measured ones.
            await WaitForReceiptsAsync(host, warmedUp, "after the warm-up");
            await MeasureWarmCreatesAsync(host, options);
            return 0;
        }
        if (options.BigOnly)
        {
            if (options.Phases)
                await using (var diagnosed = await ApiHost.StartAsync()) await BigCreates.DiagnoseStallsAsync(diagnosed, options);
            await BigCreates.RunAsync(options);
            return 0;
        }

        var expected = new Expected();
        await using (var host = await ApiHost.StartAsync())
        {
            Report.Note($"API listening on {host.BaseAddress} ({host.Database})");
            await WarmUpAsync(host, expected);

            var (campaignId, total) = await CreateAndDispatchAsync(host, options, expected);
            await WaitForReceiptsAsync(host, expected, "after the big campaign");
            await MeasureMessagePagesAsync(host, campaignId, total);

            await CreateSmallCampaignsAsync(host, options.Campaigns, expected);
            await WaitUntilNothingSendingAsync(host);
            await WaitForReceiptsAsync(host, expected, "after the small campaigns");
            await MeasureListAsync(host, options.Campaigns);
            await MeasureWarmCreatesAsync(host, options);
            if (options.Phases) await CreateAgainAsync(host, options);
            if (options.Phases) await BigCreates.DiagnoseStallsAsync(host, options);
        }

        await BigCreates.RunAsync(options);

        if (options.Phases) await CreatePhases.RunAsync(options);
        await PaceBenchmark.RunAsync(options);
        await PagingBenchmark.RunAsync(options);
        await WebhookBenchmark.RunAsync(options);
        if (options.Database == DatabaseProvider.Postgres) await MultiDispatch.RunAsync(options);
        return 0;
    }

    /// <summary>JIT, connection pool, SQLite caches and libphonenumber's metadata: every path measured later runs first.</summary>
    private static async Task WarmUpAsync(ApiHost host, Expected expected)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < 3; i++)
        {
            var phones = Workload.Phones("56", 1_000_000 + i * 2, 2);
            await host.Api.CreateCampaignAsync(Workload.Campaign($"warm-up {i}", phones));
            Track(expected, phones);
        }
        var mid = Workload.Phones("56", 2_000_000, 2_000);
        var (id, _, _, _) = await PostCreateAsync(host, Workload.Serialize(Workload.Campaign("warm-up 2k", mid)));
        Track(expected, mid);
        await WaitUntilNothingSendingAsync(host);
        for (var i = 0; i < WarmupRequests; i++)
        {
            await host.Api.GetMessagePageAsync(id, i * PageSize, PageSize);
            await host.Api.GetMessagePageAsync(id, 0, 1, "PENDING");
            await host.Api.GetCampaignPageAsync(0, 1000);
            await host.Api.GetCampaignAsync(id);
            await host.Http.GetByteArrayAsync($"v2/campaign/getCampMsgs?campaignID={id}&resultSize={PageSize}");
            await host.Http.GetByteArrayAsync("v2/campaign/getAll?resultSize=1000");
        }
        Report.Note($"warm-up done in {Report.Ms(start):F0} ms");
    }

    private static async Task<(int CampaignId, int Total)> CreateAndDispatchAsync(ApiHost host, BenchOptions options, Expected expected)
    {
        var phones = Workload.Phones("50", 1_000_000, options.Clients);
        var body = Workload.Serialize(Workload.Campaign($"bench {options.Clients}", phones));
        Report.Note($"create: posting {options.Clients:N0} clients ({body.Length / 1024.0 / 1024.0:F1} MiB)");
        GC.Collect();

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var requestStart = Stopwatch.GetTimestamp();
        var (id, total, detail, answered) = await PostCreateAsync(host, body);
        var createMs = Stopwatch.GetElapsedTime(requestStart, answered).TotalMilliseconds;
        process.Refresh();
        detail += $", process CPU {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds:F0} ms";
        Track(expected, phones);
        if (total != options.Clients) throw new InvalidOperationException($"created campaign {id} has Total {total}, expected {options.Clients}");
        Report.Note($"create: campaign {id} answered in {createMs:F0} ms ({detail})");
        // Not create_100k_first_ms: this process is warm by now (the warm-up above). BigCreates measures a fresh process.
        Report.Note($"create: first big create of this in-process host (after its warm-up): {createMs:F0} ms");

        // Until no message is PENDING or SENDING. The dispatcher may start before the answer arrives (it is woken at commit);
        // the rate is taken from the answer, as a user sees it.
        var lastNote = Stopwatch.GetTimestamp();
        long outstanding;
        while (true)
        {
            var pending = (await host.Api.GetMessagePageAsync(id, 0, 1, "PENDING")).Total;
            var sending = (await host.Api.GetMessagePageAsync(id, 0, 1, "SENDING")).Total;
            outstanding = pending + sending;
            if (outstanding == 0) break;
            if (Stopwatch.GetElapsedTime(answered) > DispatchTimeout) break;
            if (Stopwatch.GetElapsedTime(lastNote).TotalSeconds >= 2)
            {
                var elapsed = Stopwatch.GetElapsedTime(answered).TotalSeconds;
                Report.Note($"dispatch: {total - outstanding:N0} of {total:N0} sent after {elapsed:F1} s ({(total - outstanding) / elapsed:F0}/s), {sending} SENDING");
                lastNote = Stopwatch.GetTimestamp();
            }
            await Task.Delay(PollInterval);
        }
        var dispatchSeconds = Stopwatch.GetElapsedTime(answered).TotalSeconds;
        if (outstanding > 0) Report.Note($"dispatch: TIMED OUT with {outstanding:N0} messages outstanding");
        var sent = total - outstanding;
        var campaign = await host.Api.GetCampaignAsync(id);
        Report.Note($"dispatch: {sent:N0} messages out in {dispatchSeconds:F2} s after the answer ({Stopwatch.GetElapsedTime(requestStart).TotalSeconds:F2} s after the request); " +
                    $"campaign status {campaign?.Status}, sent {campaign?.SentCount}, delivered {campaign?.DeliveredCount}, failed {campaign?.FailedCount}");
        Report.Figure("dispatch_per_s", sent / dispatchSeconds, "msg/s", 0);
        Report.Figure("dispatch_ms", dispatchSeconds * 1000, "ms", 0);

        var completedWait = Stopwatch.GetTimestamp();
        while (campaign is { Status: CampaignStatus.Sending } && Stopwatch.GetElapsedTime(completedWait).TotalSeconds < 10)
        {
            await Task.Delay(PollInterval);
            campaign = await host.Api.GetCampaignAsync(id);
        }
        Report.Note($"dispatch: campaign status '{campaign?.Status}' {Stopwatch.GetElapsedTime(answered).TotalSeconds:F2} s after the answer");
        return (id, total);
    }

    /// <summary>
    /// The create as a running server answers it, beside its floor: 100,000-client creates on the warm, fuller database,
    /// each scheduled a year ahead so the dispatcher is not sending them while the next one is measured (the request's
    /// work is the same: every rule, every message row, the echo). "Warm" means what it does in a server that has run
    /// for a while: the create's hot code is tiered up. So <see cref="JitWarmUpCreates"/> creates go first, unmeasured,
    /// and the bench waits until the JIT is quiet. Measured right after a short warm-up instead, the same create ran
    /// 1.7-2.4x its floor: its insert loop was still instrumented (tiered PGO) code and the background JIT shared the two
    /// cores with it (README, Benchmark). Then <see cref="WarmPairs"/> pairs: a create, then a floor round, so both see
    /// the same machine. <c>create_100k_ms</c> and <c>create_100k_floor_ms</c> are the medians, <c>create_100k_vs_floor</c>
    /// the median of the pairs' ratios. The cold creates are noted; <c>create_100k_first_ms</c> is a fresh process's (BigCreates).
    /// </summary>
    private static async Task MeasureWarmCreatesAsync(ApiHost host, BenchOptions options)
    {
        using var floor = new CreateFloor(Workload.Serialize(Workload.Campaign("floor", Workload.Phones("57", 1_000_000, options.Clients))));
        for (var i = 0; i < JitWarmUpCreates; i++)
            Report.Note($"create (tiering up, not counted) {i + 1}: {await TimeWarmCreateAsync(host, options, WarmPairs + i):F0} ms");
        await WaitForJitQuietAsync();
        await CheckpointAsync(host);
        var (creates, floors, ratios) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < WarmPairs; i++)
        {
            creates.Add(await TimeWarmCreateAsync(host, options, i));
            await CheckpointAsync(host);
            floors.Add(floor.Round());
            floor.Checkpoint();
            ratios.Add(creates[^1] / floors[^1]);
            Report.Note($"create (warm) {i + 1}: {creates[^1]:F0} ms, floor {floors[^1]:F0} ms: {ratios[^1]:F2}x");
        }
        Report.Note($"create (warm), {options.Clients:N0} clients: {Report.Summary(creates)}");
        Report.Note($"floor: {Report.Summary(floors)}");
        floor.NoteChunkedRounds();
        Report.Figure("create_100k_ms", Report.Median(creates), "ms", 0);
        Report.Figure("create_100k_floor_ms", Report.Median(floors), "ms", 0);
        Report.Figure("create_100k_vs_floor", Report.Median(ratios), "x", 2);
    }

    /// <summary>
    /// Each measured step starts on an emptied WAL with no checkpoint owed: otherwise the server's checkpointer copies a
    /// create's 100,000 rows into the database file during the floor's round after it, and the floor's WAL (its PRAGMAs
    /// are the app's: no automatic checkpoints) only grows. Both were seen: the floor moved 350-640 ms within one run.
    /// </summary>
    private static async Task CheckpointAsync(ApiHost host)
    {
        if (ApiHost.Provider != DatabaseProvider.Sqlite) return;
        await using var connection = await host.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Measured creates, each with a floor round after it.</summary>
    private const int WarmPairs = 9;

    /// <summary>Big creates before the measured ones: each hot method is called often enough to be promoted (30 calls, then tier 1).</summary>
    private const int JitWarmUpCreates = 6;

    private static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(1);
    private const int JitQuietMethods = 10;
    private static readonly TimeSpan JitQuietLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// One 100,000-client create scheduled a year ahead, named after <paramref name="slot"/>; the time to its whole answer.
    /// Every one has the same numbers (rule 9 is per campaign): fifteen ranges side by side would not fit seven digits at
    /// <c>--clients=500000</c>.
    /// </summary>
    private static async Task<double> TimeWarmCreateAsync(ApiHost host, BenchOptions options, int slot)
    {
        var request = Workload.Campaign($"bench warm {slot}", Workload.Phones("59", 1_000_000, options.Clients));
        request.SendAt = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var body = Workload.Serialize(request);
        GC.Collect();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var start = Stopwatch.GetTimestamp();
        var (_, total, _, answered) = await PostCreateAsync(host, body);
        if (total != options.Clients) throw new InvalidOperationException($"warm create has Total {total}");
        var ms = Stopwatch.GetElapsedTime(start, answered).TotalMilliseconds;
        Report.Note($"create {slot}: {ms:F0} ms, {System.Runtime.JitInfo.GetCompiledMethodCount() - compiled} methods compiled meanwhile");
        return ms;
    }

    /// <summary>
    /// Until the runtime compiles at most <see cref="JitQuietMethods"/> methods in <see cref="JitQuiet"/> (the create's
    /// promotions come in one burst within a second of the creates; later ones are the server's periodic loops reaching
    /// their own call counts), at most <see cref="JitQuietLimit"/>.
    /// </summary>
    private static async Task WaitForJitQuietAsync()
    {
        var start = Stopwatch.GetTimestamp();
        var counts = new Queue<(long At, long Compiled)>();
        while (true)
        {
            var now = (At: Stopwatch.GetTimestamp(), Compiled: System.Runtime.JitInfo.GetCompiledMethodCount());
            counts.Enqueue(now);
            while (Stopwatch.GetElapsedTime(counts.Peek().At, now.At) > JitQuiet) counts.Dequeue();
            var window = Stopwatch.GetElapsedTime(counts.Peek().At, now.At);
            if (window >= JitQuiet - PollInterval && now.Compiled - counts.Peek().Compiled <= JitQuietMethods)
            {
                Report.Note($"JIT quiet after {Report.Ms(start):F0} ms (<= {JitQuietMethods} methods compiled in {JitQuiet.TotalSeconds:F0} s; {now.Compiled:N0} in this process)");
                return;
            }
            if (Stopwatch.GetElapsedTime(start) > JitQuietLimit)
            {
                Report.Note($"WARNING: the JIT was still compiling after {JitQuietLimit.TotalSeconds:F0} s; measuring anyway");
                return;
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Diagnostics: the same big create on the now warm, fuller database, with the dispatcher running.</summary>
    private static async Task CreateAgainAsync(ApiHost host, BenchOptions options)
    {
        for (var i = 0; i < 2; i++)
        {
            var body = Workload.Serialize(Workload.Campaign($"bench again {i}", Workload.Phones("58", 1_000_000, options.Clients)));
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            var (id, _, detail, answered) = await PostCreateAsync(host, body);
            Report.Note($"--phases: create {options.Clients:N0} again (dispatcher on, warm): {Stopwatch.GetElapsedTime(start, answered).TotalMilliseconds:F0} ms ({detail})");
            await host.Api.DeleteCampaignAsync(new DeleteCampaignRequest { Id = id });
            await WaitUntilNothingSendingAsync(host);
        }
    }

    /// <summary>POSTs a pre-serialized create body; <c>Answered</c> is the timestamp when the whole answer had been read.</summary>
    private static async Task<(int Id, int Total, string Detail, long Answered)> PostCreateAsync(ApiHost host, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/campaign/create") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var start = Stopwatch.GetTimestamp();
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var headersMs = Report.Ms(start);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var answered = Stopwatch.GetTimestamp();
        var totalMs = Stopwatch.GetElapsedTime(start, answered).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"create answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 500)))}");
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        return (root.GetProperty("ID").GetInt32(), root.GetProperty("Total").GetInt32(),
            $"headers after {headersMs:F0} ms, body {bytes.Length / 1024.0 / 1024.0:F1} MiB read by {totalMs:F0} ms, status '{root.GetProperty("Status").GetString()}'", answered);
    }

    private static async Task MeasureMessagePagesAsync(ApiHost host, int campaignId, int total)
    {
        int[] offsets = [0, total / 2 / PageSize * PageSize, Math.Max(0, total - PageSize)];
        foreach (var offset in offsets)
            for (var i = 0; i < WarmupRequests; i++)
                await host.Api.GetMessagePageAsync(campaignId, offset, PageSize);

        var refit = new List<double>();
        var raw = new List<double>();
        var byPosition = offsets.ToDictionary(o => o, _ => new List<double>());
        for (var round = 0; round < RoundsPerPosition; round++)
        {
            foreach (var offset in offsets)
            {
                var start = Stopwatch.GetTimestamp();
                var page = await host.Api.GetMessagePageAsync(campaignId, offset, PageSize);
                var ms = Report.Ms(start);
                if (page.Items.Count != PageSize) throw new InvalidOperationException($"page at {offset} has {page.Items.Count} messages");
                refit.Add(ms);
                byPosition[offset].Add(ms);

                start = Stopwatch.GetTimestamp();
                await host.Http.GetByteArrayAsync($"v2/campaign/getCampMsgs?campaignID={campaignId}&resultSize={PageSize}&offset={offset}");
                raw.Add(Report.Ms(start));
            }
        }
        string[] names = ["first", "middle", "last"];
        foreach (var ((offset, samples), name) in byPosition.Zip(names))
        {
            Report.Note($"messages page at offset {offset}: {Report.Summary(samples)}");
            Report.Figure($"messages_page_{name}_ms", Report.Median(samples), "ms", 2);
        }
        Report.Note($"messages page, Refit client: {Report.Summary(refit)}");
        Report.Note($"messages page, raw HTTP bytes: {Report.Summary(raw)}");
        Report.Figure("messages_page_ms", Report.Median(refit), "ms", 2);
        Report.Figure("messages_page_p95_ms", Report.Percentile(refit, 0.95), "ms", 2);
        Report.Figure("messages_page_raw_ms", Report.Median(raw), "ms", 2);
    }

    private static async Task CreateSmallCampaignsAsync(ApiHost host, int campaigns, Expected expected)
    {
        var existing = (await host.Api.GetCampaignPageAsync(0, 1)).Total;
        var latencies = new List<double>();
        var start = Stopwatch.GetTimestamp();
        for (var i = existing; i < campaigns; i++)
        {
            var phones = Workload.Phones("55", 1_000_000 + i * 2, 2);
            var t = Stopwatch.GetTimestamp();
            await host.Api.CreateCampaignAsync(Workload.Campaign($"small {i}", phones));
            latencies.Add(Report.Ms(t));
            Track(expected, phones);
        }
        Report.Note($"created {latencies.Count} small campaigns in {Report.Ms(start):F0} ms; create (2 clients): {Report.Summary(latencies)}");
        if (latencies.Count > 0) Report.Figure("create_small_ms", Report.Median(latencies), "ms", 2);
    }

    private static async Task MeasureListAsync(ApiHost host, int campaigns)
    {
        for (var i = 0; i < WarmupRequests; i++) await host.Api.GetCampaignPageAsync(0, campaigns);

        var refit = new List<double>();
        var raw = new List<double>();
        var firstPage = new List<double>();
        for (var i = 0; i < ListSamples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var page = await host.Api.GetCampaignPageAsync(0, campaigns);
            var ms = Report.Ms(start);
            if (page.Items.Count != campaigns) throw new InvalidOperationException($"getAll listed {page.Items.Count} campaigns, expected {campaigns}");
            refit.Add(ms);

            start = Stopwatch.GetTimestamp();
            await host.Http.GetByteArrayAsync($"v2/campaign/getAll?resultSize={campaigns}");
            raw.Add(Report.Ms(start));

            start = Stopwatch.GetTimestamp();
            await host.Api.GetCampaignPageAsync(0, 25);
            firstPage.Add(Report.Ms(start));
        }
        Report.Note($"list of {campaigns}, Refit client: {Report.Summary(refit)}");
        Report.Note($"list of {campaigns}, raw HTTP bytes: {Report.Summary(raw)}");
        Report.Note($"list, first page of 25 (dashboard grid): {Report.Summary(firstPage)}");
        Report.Figure("list_1000_ms", Report.Median(refit), "ms", 2);
        Report.Figure("list_1000_p95_ms", Report.Percentile(refit, 0.95), "ms", 2);
        Report.Figure("list_1000_raw_ms", Report.Median(raw), "ms", 2);
        Report.Figure("list_page_25_ms", Report.Median(firstPage), "ms", 2);
    }

    private static async Task WaitUntilNothingSendingAsync(ApiHost host)
    {
        var start = Stopwatch.GetTimestamp();
        while ((await host.Api.GetCampaignPageAsync(0, 1, CampaignStatus.Sending)).Total > 0)
        {
            if (Stopwatch.GetElapsedTime(start) > DispatchTimeout) throw new TimeoutException("campaigns still sending");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Receipts (DELIVERED after ~2 s, READ after ~6 s) keep writing after the sends: measure reads on a quiet database.</summary>
    private static async Task WaitForReceiptsAsync(ApiHost host, Expected expected, string when)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var all = (await host.Api.GetCampaignPageAsync(0, 100_000)).Items;
            var (sent, delivered, read) = (all.Sum(c => c.SentCount), all.Sum(c => c.DeliveredCount), all.Sum(c => c.ReadCount));
            if (sent == expected.Sent && delivered == expected.Sent && read == expected.Reads)
            {
                Report.Note($"receipts settled {when} ({delivered:N0} delivered, {read:N0} read) after waiting {Report.Ms(start):F0} ms");
                return;
            }
            if (Stopwatch.GetElapsedTime(start) > SettleTimeout)
            {
                Report.Note($"receipts NOT settled {when}: sent {sent}/{expected.Sent}, delivered {delivered}, read {read}/{expected.Reads}; measuring anyway");
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static void Track(Expected expected, IReadOnlyList<string> phones)
    {
        expected.Sent += phones.Count;
        expected.Reads += Workload.ExpectedReads(phones);
    }

    private static bool IsOptimized() =>
        typeof(ApiBenchmark).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
}
