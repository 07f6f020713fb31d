using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// The builder at its size: 100,000 rows pasted or imported arrive whole (they stream over the circuit, never as one message
/// over its limit), and one row more is refused with a sentence, never lost without a word.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class BuilderSizeTests(DashboardFixture fixture)
{
    // 100,000 rows made in the page, so the text never crosses Playwright: number, name, order.
    private const string Rows = """
        (count) => {
          const lines = new Array(count);
          for (let i = 0; i < count; i++) lines[i] = "+9665" + String(i).padStart(8, "0") + "\tName " + i + "\tORD-" + i;
          return lines.join("\n");
        }
        """;

    /// <summary>Screenshots a person looks at (the builder full, a refusal), beside the suite's own.</summary>
    private static readonly string Notes = Environment.GetEnvironmentVariable("CAMPAIGNADMIN_NOTES_DIR") ?? DashboardFixture.ScreenshotDirectory;

    [Fact]
    public async Task AHundredThousandRowsPastedIntoACellArriveWhole()
    {
        var page = await OpenAsync("Pasted 100k");
        var rows = await page.EvaluateAsync<string>(Rows, 100_000);
        Assert.True(await page.GetByLabel("Row 1 Account ID").EvaluateAsync<bool>(BuilderGridTests.Paste, rows));

        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("100,000 recipients", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("cell-paste-summary")).ToContainTextAsync("Pasted 100,000 rows × 3 columns from row 1 (99,999 rows added).");
        await Expect(page.GetByLabel("Row 1 Account ID")).ToHaveValueAsync("+966500000000");
        await Expect(page.GetByLabel("Row 1 {{1}}")).ToHaveValueAsync("Name 0");
        await Expect(page.GetByTestId("create-campaign")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.GetByTestId("recipient-limit")).ToHaveTextAsync("A campaign has at most 100,000 recipients.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Notes, "builder-100k.png"), Timeout = 60_000 });

        await page.GetByTestId("recipients-grid").EvaluateAsync("grid => grid.scrollTop = grid.scrollHeight");
        await Expect(page.GetByLabel("Row 100000 Account ID")).ToHaveValueAsync("+966500099999");
        await Expect(page.GetByLabel("Row 100000 {{2}}")).ToHaveValueAsync("ORD-99999");
        Assert.True(await page.Locator("tr[data-row]").CountAsync() < 200, "the grid renders only the rows in view");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add row" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task APastePastTheLimitIsRefusedWithItsSentenceAndAddsNothing()
    {
        var page = await OpenAsync("Pasted too many");
        await page.GetByRole(AriaRole.Button, new() { Name = "Paste rows" }).ClickAsync();
        await Expect(page.GetByTestId("paste-rows").Locator("xpath=..")).ToContainTextAsync("A campaign has at most 100,000 recipients.");
        // Pasted, as a person pastes: a paste this big is taken at once, never laid out in the box.
        var rows = await page.EvaluateAsync<string>(Rows, 100_001);
        Assert.True(await page.GetByLabel("Rows from a spreadsheet").EvaluateAsync<bool>(BuilderGridTests.Paste, rows));

        await Expect(page.GetByTestId("rows-refused")).ToHaveTextAsync(
            "Nothing was pasted: 100,001 rows would make 100,001 recipients, and a campaign has at most 100,000. Paste at most 100,000 rows, or split the list into two campaigns.",
            new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("1 recipient");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Notes, "builder-refused.png"), Timeout = 60_000 });
    }

    [Fact]
    public async Task AHundredThousandRowCsvIsImportedWhole()
    {
        const int count = 100_000;
        var file = Path.Combine(Path.GetTempPath(), $"builder-{Guid.NewGuid():N}.csv");
        var csv = new StringBuilder("Account ID,Body {{1}},Body {{2}}\n");
        for (var i = 0; i < count; i++) csv.Append("+9665").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append(",Customer ").Append(i).Append(",ORD-").Append(i).Append('\n');
        await File.WriteAllTextAsync(file, csv.ToString());
        try
        {
            var page = await OpenAsync("Imported 100k");
            page.SetDefaultTimeout(120_000);
            await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
            await page.GetByLabel("Recipients file").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Check 100,000 rows" }).ClickAsync();
            await Expect(page.GetByTestId("import-stats")).ToHaveTextAsync("100,000 rows read, 100,000 accepted, 0 dropped", new() { Timeout = 120_000 });
            await page.GetByTestId("import-accept").ClickAsync();

            await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("100,000 recipients", new() { Timeout = 120_000 });
            await Expect(page.GetByLabel("Row 1 {{1}}")).ToHaveValueAsync("Customer 0");
            await page.GetByTestId("recipients-grid").EvaluateAsync("grid => grid.scrollTop = grid.scrollHeight");
            await Expect(page.GetByLabel("Row 100000 Account ID")).ToHaveValueAsync("+966500099999");
            await Expect(page.GetByTestId("create-campaign")).ToHaveAttributeAsync("data-ready", "true");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<IPage> OpenAsync(string name)
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(SeedApi.UniqueName(name));
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        return page;
    }
}
