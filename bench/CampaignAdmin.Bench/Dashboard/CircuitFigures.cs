using CampaignAdmin.E2E;
using Microsoft.Playwright;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// Memory per dashboard circuit (issue 12): N signed-in browser contexts (one circuit each) open the same page, and the
/// server's managed heap after an induced full GC grows by N circuits' worth. <c>circuit_*_kb</c> is that growth ÷ N;
/// <c>circuit_*_rss_kb</c> is the resident-set growth ÷ N, a rougher figure (Server GC keeps memory it freed, native
/// allocations count too). <c>components_*</c> is the live ComponentState growth ÷ N, i.e. components per page.
/// Caveats: the circuits stay open and idle while measured (what a user leaves in a tab); the page's grid shows a
/// full page (20 campaigns, 25 messages with failed rows) seeded here; the figures include SignalR's per-connection
/// buffers, which no page change can remove.
/// </summary>
internal static class CircuitFigures
{
    public static async Task RunAsync(DashboardBench bench, BenchOptions options)
    {
        var circuits = options.Quick ? 8 : 20;
        var campaignId = await SeedAsync(bench.App.BaseUrl);
        await MeasureAsync(bench, "campaigns", "campaigns", "[data-testid=campaigns-grid] tbody tr", 20, circuits);
        await MeasureAsync(bench, "campaign_page", $"campaigns/{campaignId}", "[data-testid=messages-grid] tbody tr", 25, circuits);
    }

    private static async Task MeasureAsync(DashboardBench bench, string name, string path, string rows, int rowCount, int circuits)
    {
        // Warm-up: JIT, caches and the first render of this page are not a circuit's cost.
        foreach (var warm in new[] { await OpenAsync(bench, path, rows, rowCount), await OpenAsync(bench, path, rows, rowCount) })
            await ScreenshotAsync(warm, name);
        var pid = bench.App.ProcessId;
        var heapBefore = ServerHeap.CollectAndMeasure(pid);
        var typesBefore = ServerHeap.CountByType(pid);
        var (rssBefore, _) = bench.ServerMemory();

        var pages = new List<IPage>();
        for (var i = 0; i < circuits; i++) pages.Add(await OpenAsync(bench, path, rows, rowCount));

        var heapAfter = ServerHeap.CollectAndMeasure(pid);
        var typesAfter = ServerHeap.CountByType(pid);
        var (rssAfter, _) = bench.ServerMemory();
        var components = (ServerHeap.Components(typesAfter) - ServerHeap.Components(typesBefore)) / (double)circuits;
        Report.Figure($"circuit_{name}_kb", (heapAfter - heapBefore) / 1024.0 / circuits, "KB");
        Report.Figure($"circuit_{name}_rss_kb", (rssAfter - rssBefore) / (double)circuits, "KB");
        Report.Figure($"components_{name}", components, "components", 0);
        NoteGrowth(name, typesBefore, typesAfter, circuits);
        foreach (var page in pages) await page.Context.CloseAsync();
    }

    private static async Task<IPage> OpenAsync(DashboardBench bench, string path, string rows, int rowCount)
    {
        var page = await bench.OpenAsync(path);
        await Assertions.Expect(page.Locator(rows)).ToHaveCountAsync(rowCount, new() { Timeout = 60_000 });
        return page;
    }

    // BENCH_SCREENSHOTS=folder saves what the measured page looks like (one per page, with a row action hovered).
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_SCREENSHOTS") is not { Length: > 0 } folder) return;
        var file = Path.Combine(folder, $"circuits-{name}.png");
        if (File.Exists(file)) return;
        Directory.CreateDirectory(folder);
        var action = page.Locator("tbody tr button:not([disabled])").First;
        if (await action.CountAsync() > 0) await action.HoverAsync();
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".html"), await page.ContentAsync());
        Report.Note($"screenshot: {file} (and its HTML beside it)");
    }

    // What grew per circuit, largest first (where a circuit's memory goes), then the page's own and MudBlazor's types by count.
    private static void NoteGrowth(string name, Dictionary<string, (long Count, long Bytes)> before, Dictionary<string, (long Count, long Bytes)> after, int circuits)
    {
        var all = after.Select(t => (Type: t.Key, Count: t.Value.Count - before.GetValueOrDefault(t.Key).Count, Bytes: t.Value.Bytes - before.GetValueOrDefault(t.Key).Bytes)).ToList();
        // The render trees by capacity are counted again apart ("RenderTreeFrame[] of 1024"), not in the sums.
        var growth = all.Where(t => !t.Type.Contains("[] of ", StringComparison.Ordinal)).ToList();
        foreach (var (type, count, bytes) in all.Where(t => t.Type.Contains("[] of ", StringComparison.Ordinal) && t.Count != 0).OrderByDescending(t => t.Bytes).Take(8))
            Report.Note($"{name} per circuit: {bytes / 1024.0 / circuits,8:F1} KB {count / (double)circuits,8:F1} x {type}");
        // The live objects alone (ClrMD skips free space): steadier than the heap's total, which counts fragmentation too.
        Report.Note($"{name} per circuit: {growth.Sum(t => t.Bytes) / 1024.0 / circuits,8:F1} KB of live objects in all");
        // BENCH_CIRCUIT_TYPES=N lists more of them (and the growth by namespace, for a broader view).
        var listed = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CIRCUIT_TYPES"), out var n) ? n : 20;
        if (listed > 20)
            foreach (var group in growth.GroupBy(t => Namespace(t.Type)).Select(g => (Name: g.Key, Bytes: g.Sum(t => t.Bytes))).OrderByDescending(g => g.Bytes).Take(25))
                Report.Note($"{name} per circuit: {group.Bytes / 1024.0 / circuits,8:F1} KB in {group.Name}");
        foreach (var (type, count, bytes) in growth.OrderByDescending(t => t.Bytes).Take(listed))
            Report.Note($"{name} per circuit: {bytes / 1024.0 / circuits,8:F1} KB {count / (double)circuits,8:F1} x {type}");
        // BENCH_CIRCUIT_MATCH=text lists every type whose name holds it, with its count per circuit (e.g. JsonTypeInfo).
        if (Environment.GetEnvironmentVariable("BENCH_CIRCUIT_MATCH") is { Length: > 0 } match)
            foreach (var (type, count, bytes) in growth.Where(t => t.Type.Contains(match, StringComparison.Ordinal) && t.Count > 0).OrderByDescending(t => t.Count))
                Report.Note($"{name} per circuit: {count / (double)circuits,8:F1} x {type} ({bytes / 1024.0 / circuits:F1} KB)");
        var ours = growth.Where(t => t.Count >= circuits && (t.Type.StartsWith("MudBlazor.Mud", StringComparison.Ordinal) || t.Type.StartsWith("CampaignAdmin.", StringComparison.Ordinal)));
        foreach (var (type, count, _) in ours.OrderByDescending(t => t.Count).Take(40))
            Report.Note($"{name} per circuit: {count / (double)circuits,8:F1} x {type}");
    }

    private static string Namespace(string type)
    {
        var generic = type.IndexOfAny(['<', '+', '[']);
        var plain = generic < 0 ? type : type[..generic];
        var dot = plain.LastIndexOf('.');
        return dot < 0 ? plain : plain[..dot];
    }

    // A full page of campaigns (20 rows: 4 demo + 20 here, a few scheduled so Edit is live), and one campaign with
    // 40 messages, every fourth undeliverable, so its first page of 25 has failed rows with a Resend button.
    private static async Task<int> SeedAsync(Uri baseUrl)
    {
        var inAWeek = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 20; i++)
            await SeedApi.CreateAsync(baseUrl, $"Bench campaign {i + 1:D2}", Numbers(5, 500 + i * 10, failEvery: 3), i % 4 == 0 ? inAWeek : "");
        var id = await SeedApi.CreateAsync(baseUrl, "Bench messages", Numbers(40, 800, failEvery: 4));
        // The sandbox reads those ending in an even digit: 20 of them; once read, the campaign stops changing.
        await SeedApi.WaitForReadCountAsync(baseUrl, id, 20);
        return id;
    }

    // Valid Saudi mobiles; the sandbox fails those ending 0000.
    private static string[] Numbers(int count, int first, int failEvery) =>
        Enumerable.Range(0, count).Select(i => i % failEvery == failEvery - 1 ? $"+96650{first + i:D3}0000" : $"+9665{first + i:D4}{4200 + i:D4}").ToArray();
}
