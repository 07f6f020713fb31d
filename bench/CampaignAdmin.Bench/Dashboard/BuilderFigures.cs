using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// The builder as a person's browser meets it (README, Benchmark): a paste and an import of 100,000 rows until the count
/// shows, a keystroke that makes a number invalid until its error shows (10,000 and 100,000 rows), and adding a row and a
/// keystroke with 20,000 rows until the page shows them. Times are taken in the page (performance.now() from the key or
/// click to the MutationObserver seeing the result), medians of several.
/// </summary>
internal static class BuilderFigures
{
    private const int Samples = 7;

    // The keystroke that breaks a number: enough samples that its p95 is a tail, not the slowest of seven.
    private const int ErrorSamples = 21;

    // Arms a measurement: from the next keydown or click (capture phase) until the element matches; window.__measured resolves to the ms.
    private const string Arm = """
        ({ selector, text, gone }) => {
          const matches = () => {
            const el = document.querySelector(selector);
            if (gone) return el === null;
            return el !== null && (text === null || el.textContent.includes(text));
          };
          let start = null;
          const begin = () => { if (start === null) start = performance.now(); };
          for (const type of ["keydown", "click", "paste"]) document.addEventListener(type, begin, { capture: true, once: true });
          window.__measured = new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error(`not seen within 120 s: ${selector} ${text ?? ""}`)), 120000);
            const observer = new MutationObserver(() => {
              if (start === null || !matches()) return;
              observer.disconnect();
              for (const type of ["keydown", "click", "paste"]) document.removeEventListener(type, begin, { capture: true });
              resolve(performance.now() - start);
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
          });
        }
        """;

    public static async Task RunAsync(DashboardBench bench, BenchOptions options)
    {
        var paste100k = await PasteAsync(bench, 100_000, keystrokes: "builder_keystroke_error_100k_ms");
        Report.Figure("builder_paste_100k_ms", paste100k, "ms", 0);
        await PasteAsync(bench, 10_000, keystrokes: "builder_keystroke_error_10k_ms");
        await TwentyThousandAsync(bench);
        Report.Figure("builder_import_100k_ms", await ImportAsync(bench, 100_000), "ms", 0);
        var (rss, peak) = bench.ServerMemory();
        Report.Note($"after the builder figures: server RSS {rss / 1024.0:F0} MiB, peak {peak / 1024.0:F0} MiB");
    }

    /// <summary>Pastes <paramref name="rows"/> rows into the "Paste rows" box; then times keystrokes that break row 1's number.</summary>
    private static async Task<double> PasteAsync(DashboardBench bench, int rows, string keystrokes)
    {
        var page = await OpenBuilderAsync(bench, $"Paste {rows}");
        // From the paste on: the collections that promote the pasted rows happen during it, or after it (during the keystrokes).
        var gcs = GcWatch.Start(bench.App.ProcessId);
        var ms = await PasteRowsAsync(page, rows);
        gcs.Mark("count shown");
        Report.Note($"paste of {rows:N0} rows: {ms:F0} ms until the count showed");
        await AssertRowAsync(page, 1, "+966500000000");
        if (Environment.GetEnvironmentVariable("BENCH_BUILDER_HEAP") == "1") CountObjects(bench, rows);

        var number = page.GetByLabel("Row 1 Account ID");
        var error = "[data-field='Clients[0].AccountID'] .problem-sentence";
        await FocusAtEndAsync(number);
        var samples = new List<double>();
        gcs.Mark("first keystroke");
        for (var i = 0; i < ErrorSamples; i++)
        {
            samples.Add(await TimeAsync(page, error, null, () => page.Keyboard.PressAsync("5")));
            // Back to valid, and the error gone, before the next sample.
            await TimeAsync(page, error, null, () => page.Keyboard.PressAsync("Backspace"), gone: true);
        }
        if (Environment.GetEnvironmentVariable("BENCH_BUILDER_SHOTS") is { Length: > 0 } shots)
        {
            // To look at (BENCH_BUILDER_SHOTS=/tmp): row 1's number made invalid, its error under it, with all the rows there.
            await page.Keyboard.PressAsync("5");
            await page.Locator(error).WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"builder-{rows}-error.png") });
            await page.ScreenshotAsync(new() { Path = Path.Combine(shots, $"builder-{rows}-error-full.png"), FullPage = true });
            await page.Keyboard.PressAsync("Backspace");
            await page.Locator(error).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        Report.Note($"{keystrokes}: {Report.Summary(samples)}");
        Report.Note($"{keystrokes}: server GCs from the paste to the last of the {ErrorSamples * 2} keystrokes: {gcs.Stop()}");
        gcs.Dispose();
        Report.Figure(keystrokes, Report.Median(samples), "ms");
        Report.Figure(keystrokes.Replace("_ms", "_p95_ms", StringComparison.Ordinal), Report.Percentile(samples, 0.95), "ms");
        await page.Context.CloseAsync();
        return ms;
    }

    // Diagnostic (BENCH_BUILDER_HEAP=1): what the server holds per pasted row, by type, after a full GC.
    private static void CountObjects(DashboardBench bench, int rows)
    {
        var bytes = ServerHeap.CollectAndMeasure(bench.App.ProcessId);
        var types = ServerHeap.CountByType(bench.App.ProcessId);
        Report.Note($"heap after pasting {rows:N0} rows: {bytes / 1024.0 / 1024.0:F0} MiB, {types.Values.Sum(t => t.Count):N0} objects");
        foreach (var (name, (count, size)) in types.OrderByDescending(t => t.Value.Count).Take(15))
            Report.Note($"  {count,10:N0} {size / 1024.0 / 1024.0,8:F1} MiB {name}");
    }

    private static async Task TwentyThousandAsync(DashboardBench bench)
    {
        var page = await OpenBuilderAsync(bench, "Twenty thousand");
        await PasteRowsAsync(page, 20_000);
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add row" });
        var adds = new List<double>();
        for (var i = 1; i <= Samples; i++)
            adds.Add(await TimeAsync(page, "[data-testid=recipient-count]", $"{20_000 + i:N0} recipients", () => add.ClickAsync()));
        Report.Note($"builder_add_row_20k_ms: {Report.Summary(adds)}");
        Report.Figure("builder_add_row_20k_ms", Report.Median(adds), "ms");

        // A keystroke in a value cell: the preview (the selected row's message) shows it.
        var cell = page.GetByLabel("Row 1 {{1}}");
        await FocusAtEndAsync(cell);
        var keys = new List<double>();
        var typed = "Name 0";
        for (var i = 0; i < Samples; i++)
        {
            var key = ((char)('a' + i)).ToString();
            typed += key;
            keys.Add(await TimeAsync(page, "[data-testid=preview-body]", typed, () => page.Keyboard.PressAsync(key)));
        }
        Report.Note($"builder_keystroke_20k_ms: {Report.Summary(keys)}");
        Report.Figure("builder_keystroke_20k_ms", Report.Median(keys), "ms");
        await page.Context.CloseAsync();
    }

    /// <summary>A CSV of <paramref name="rows"/> rows through Import file: from choosing the file to the rows counted in the grid.</summary>
    private static async Task<double> ImportAsync(DashboardBench bench, int rows)
    {
        var file = Path.Combine(Path.GetTempPath(), $"builder-import-{rows}-{Guid.NewGuid():N}.csv");
        var csv = new StringBuilder("Account ID,Body {{1}},Body {{2}}\n");
        for (var i = 0; i < rows; i++) csv.Append(CultureInfo.InvariantCulture, $"+9665{i:D8},Customer {i},ORD-{i}\n");
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var page = await OpenBuilderAsync(bench, $"Import {rows}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
            var time = Stopwatch.StartNew();
            await page.GetByLabel("Recipients file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = $"Check {rows:N0} rows" }).ClickAsync();
            await page.GetByTestId("import-accept").ClickAsync();
            await Assertions.Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync($"{rows:N0} recipients", new() { Timeout = 120_000 });
            var ms = time.Elapsed.TotalMilliseconds;
            await AssertRowAsync(page, rows, $"+9665{rows - 1:D8}");
            await page.Context.CloseAsync();
            return ms;
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static async Task<IPage> OpenBuilderAsync(DashboardBench bench, string name)
    {
        var page = await bench.OpenAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(name);
        var picker = page.GetByLabel("Template", new() { Exact = true });
        await picker.ClickAsync();
        await picker.FillAsync("order_confirmation");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "order_confirmation" }).First.ClickAsync();
        await Assertions.Expect(picker).ToHaveValueAsync("order_confirmation");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        return page;
    }

    /// <summary>
    /// Rows made in the page (the text never crosses Playwright) and pasted into the "Paste rows" box as the browser delivers a
    /// paste (a ClipboardEvent): ms from the paste to the count on the page.
    /// </summary>
    internal static async Task<double> PasteRowsAsync(IPage page, int rows)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Paste rows" }).ClickAsync();
        var box = page.GetByLabel("Rows from a spreadsheet");
        await box.EvaluateAsync("""
            (area, rows) => {
              const lines = new Array(rows);
              for (let i = 0; i < rows; i++) lines[i] = "+9665" + String(i).padStart(8, "0") + "\tName " + i + "\tORD-" + i;
              window.__pasteText = lines.join("\n");
            }
            """, rows);
        return await TimeAsync(page, "[data-testid=recipient-count]", $"{rows:N0} recipients", () => box.EvaluateAsync("""
            area => {
              area.focus();
              const data = new DataTransfer();
              data.setData("text/plain", window.__pasteText);
              area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """));
    }

    internal static async Task<double> TimeAsync(IPage page, string selector, string? text, Func<Task> act, bool gone = false)
    {
        await page.EvaluateAsync(Arm, new { selector, text, gone });
        await act();
        return await page.EvaluateAsync<double>("() => window.__measured", null);
    }

    private static async Task FocusAtEndAsync(ILocator input)
    {
        await input.FocusAsync();
        await input.PressAsync("End");
    }

    // The grid scrolled to a row: it is there, with its number (nothing lost on the way).
    private static async Task AssertRowAsync(IPage page, int row, string number)
    {
        await page.GetByTestId("recipients-grid").EvaluateAsync("(grid, row) => grid.scrollTop = (row - 1) * 57", row);
        await Assertions.Expect(page.GetByLabel($"Row {row} Account ID", new() { Exact = true })).ToHaveValueAsync(number);
        await page.GetByTestId("recipients-grid").EvaluateAsync("grid => grid.scrollTop = 0");
    }
}
