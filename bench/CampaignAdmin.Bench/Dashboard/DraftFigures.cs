using System.Globalization;
using Microsoft.Playwright;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// What saving a draft costs at 10,000 and 100,000 rows (issue 15): a keystroke in the name after a paste, until "Draft saved"
/// shows again (this includes the 1 s quiet time the autosave waits for), and the save's own parts as the page reports them:
/// the copy of the rows on the circuit's thread (what a keystroke could wait behind), JSON + gzip + the database write off it,
/// and the compressed size. A keystroke waits behind a save at most its on-circuit part; the rest runs beside the circuit.
/// </summary>
internal static class DraftFigures
{
    private const int Samples = 5;

    public static async Task RunAsync(DashboardBench bench, BenchOptions options)
    {
        foreach (var rows in options.Quick ? new[] { 10_000 } : [10_000, 100_000]) await SaveAsync(bench, rows);
    }

    private static async Task SaveAsync(DashboardBench bench, int rows)
    {
        var label = rows >= 100_000 ? "100k" : "10k";
        var page = await BuilderFigures.OpenBuilderAsync(bench, $"Draft {rows}");
        await BuilderFigures.PasteRowsAsync(page, rows);
        var saves = await SavesAsync(page, rows);
        var name = page.GetByLabel("Campaign name");
        await name.FocusAsync();
        var (untilSaved, onCircuit, offCircuit) = (new List<double>(), new List<double>(), new List<double>());
        var bytes = 0;
        for (var i = 0; i < Samples; i++)
        {
            untilSaved.Add(await BuilderFigures.TimeAsync(page, $"[data-testid=draft-saved][data-saves='{saves + 1}']", null, () => page.Keyboard.PressAsync("x")));
            saves++;
            var saved = page.GetByTestId("draft-saved");
            onCircuit.Add(Number(await saved.GetAttributeAsync("data-capture-ms")));
            offCircuit.Add(Number(await saved.GetAttributeAsync("data-write-ms")));
            bytes = (int)Number(await saved.GetAttributeAsync("data-bytes"));
        }
        Report.Figure($"draft_saved_after_keystroke_{label}_ms", Report.Median(untilSaved), "ms", 0);
        Report.Figure($"draft_save_on_circuit_{label}_ms", Report.Median(onCircuit), "ms", 1);
        Report.Figure($"draft_save_off_circuit_{label}_ms", Report.Median(offCircuit), "ms", 0);
        Report.Figure($"draft_size_{label}_kb", bytes / 1024.0, "KB", 0);
    }

    // The save that has the pasted rows in it (the name and template typed before the paste may have saved first).
    private static async Task<int> SavesAsync(IPage page, int rows)
    {
        await page.WaitForFunctionAsync("rows => Number(document.querySelector('[data-testid=draft-saved]')?.dataset.bytes ?? 0) > rows * 2", rows);
        return (int)Number(await page.GetByTestId("draft-saved").GetAttributeAsync("data-saves"));
    }

    private static double Number(string? text) => double.Parse(text ?? "0", CultureInfo.InvariantCulture);
}
