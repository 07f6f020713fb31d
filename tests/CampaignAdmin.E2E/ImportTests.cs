using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ImportTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ACsvWithErrorsIsFixedImportedSentAndExported()
    {
        var page = await fixture.NewPageAsync();
        var name = SeedApi.UniqueName("Imported");
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(name);
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.GetByLabel("Recipients file").SetInputFilesAsync(Sample("recipients-with-errors.csv"));
        await Expect(page.GetByTestId("import-file-facts")).ToContainTextAsync("5 rows");
        await Expect(page.GetByTestId("import-preview")).ToContainTextAsync("+966539078942");
        await DashboardFixture.ScreenshotAsync(page, "import-columns");

        await page.GetByRole(AriaRole.Button, new() { Name = "Check 5 rows" }).ClickAsync();
        var stats = page.GetByTestId("import-stats");
        await Expect(stats).ToHaveTextAsync("5 rows read, 3 accepted, 0 dropped, 2 with problems");
        await Expect(page.Locator("[data-problem-row='4']")).ToContainTextAsync("\"12345\" is not a valid phone number");
        await Expect(page.Locator("[data-problem-row='5']")).ToContainTextAsync("\"not a phone\" is not a valid phone number");
        await DashboardFixture.ScreenshotAsync(page, "import-problems");

        await page.GetByLabel("Row 4 Account ID").FillAsync("0539078946");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fix row 4" }).ClickAsync();
        await Expect(stats).ToHaveTextAsync("5 rows read, 4 accepted (1 fixed), 0 dropped, 1 with problems");
        await page.GetByRole(AriaRole.Button, new() { Name = "Drop row 5" }).ClickAsync();
        await Expect(stats).ToHaveTextAsync("5 rows read, 4 accepted (1 fixed), 1 dropped");
        var rejected = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-rejected").ClickAsync());
        Assert.Contains("5,\"\"\"not a phone\"\" is not a valid phone number (dropped)\",not a phone,Bad,ORD-4", await TextOf(rejected));
        await DashboardFixture.ScreenshotAsync(page, "import-fixed");

        await page.GetByTestId("import-accept").ClickAsync();
        await Expect(page.GetByTestId("import-summary")).ToHaveTextAsync("Imported recipients-with-errors.csv: 5 rows read, 4 accepted (1 fixed), 1 dropped.");
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("4 recipients");
        await Expect(page.GetByLabel("Row 3 Account ID")).ToHaveValueAsync("+966539078946");
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-imported");

        await page.GetByTestId("create-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync(name);
        // The sandbox fails numbers ending in 0000: wait until that message has been tried.
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070000" }).Locator("[data-status='FAILED']")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var all = await TextOf(await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync()));
        var lines = all.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("AccountID,{{1}} customer name · John,{{2}} order number · ORD-12345,Status,Error code,Error,Sent at (Asia/Riyadh),Delivered at (Asia/Riyadh),Read at (Asia/Riyadh)", lines[0]);
        Assert.Equal(5, lines.Length);
        // Times are in the viewer's zone (the browser is in Asia/Riyadh, UTC+3), as the grid shows them.
        var sentAt = Regex.Match(lines.Single(l => l.StartsWith("'+966539078942,", StringComparison.Ordinal)), @"(\d{4}-\d\d-\d\d \d\d:\d\d):\d\d").Groups[1].Value;
        var riyadhNow = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3));
        Assert.True(Math.Abs((DateTime.ParseExact(sentAt, "yyyy-MM-dd HH:mm", null) - riyadhNow.DateTime).TotalMinutes) < 5, $"sent at {sentAt}, Riyadh now {riyadhNow:HH:mm}");
        Assert.Contains(lines, l => l.StartsWith("'+966539078946,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",ORD-3,", StringComparison.Ordinal));

        await page.GetByTestId("message-status-filter").SelectOptionAsync(new SelectOptionValue { Label = "FAILED" });
        await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new Regex("status=FAILED"));
        var failedDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.Matches(@"^campaign-\d+-imported-[0-9a-f]{6}\.csv$", failedDownload.SuggestedFilename);
        var failed = (await TextOf(failedDownload)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, failed.Length);
        Assert.StartsWith("'+966539070000,Undeliverable,ORD-5,FAILED,131026,", failed[1]);
        Assert.EndsWith(",,,", failed[1]); // never sent, delivered or read

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        var rows = MiniExcelLibs.MiniExcel.Query((await xlsx.PathAsync())!, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("+966539070000", Assert.Single(rows)["AccountID"]);
        await DashboardFixture.ScreenshotAsync(page, "campaign-detail-export");
    }

    /// <summary>
    /// A 100,000-row CSV uploaded, checked, imported and created from the UI; its detail page opens and pages through the
    /// messages. Prints the timings. Opt-in: its 100,000 messages keep the shared app's paced dispatcher busy for 20 minutes.
    /// </summary>
    [OptInFact("CAMPAIGNADMIN_E2E_100K", "Its 100,000 messages would keep the shared dashboard's dispatcher (80/s) busy for the rest of the suite.")]
    public async Task AHundredThousandRecipientCampaignIsCreatedFromAnUploadedFile()
    {
        const int count = 100_000;
        var slow = TimeSpan.FromMinutes(3).TotalMilliseconds;
        var file = Path.Combine(Path.GetTempPath(), "recipients-100k.csv");
        var csv = new StringBuilder("Account ID,Body {{1}},Body {{2}}\n");
        for (var i = 0; i < count; i++) csv.Append("+9665").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append(",Customer ").Append(i).Append(",ORD-").Append(i).Append('\n');
        await File.WriteAllTextAsync(file, csv.ToString());

        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(SeedApi.UniqueName("Hundred thousand"));
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        var time = Stopwatch.StartNew();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.GetByLabel("Recipients file").SetInputFilesAsync(file);
        await Expect(page.GetByTestId("import-file-facts")).ToContainTextAsync("100,000 rows", new() { Timeout = (float)slow });
        var read = time.Elapsed;
        await page.GetByRole(AriaRole.Button, new() { Name = "Check 100,000 rows" }).ClickAsync();
        await Expect(page.GetByTestId("import-stats")).ToHaveTextAsync("100,000 rows read, 100,000 accepted, 0 dropped", new() { Timeout = (float)slow });
        var check = time.Elapsed;
        await page.GetByTestId("import-accept").ClickAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("100,000 recipients", new() { Timeout = (float)slow });
        await Expect(page.GetByTestId("create-campaign")).ToBeEnabledAsync(new() { Timeout = (float)slow });
        var imported = time.Elapsed;
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-100k");

        await page.GetByTestId("create-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"), new() { Timeout = (float)slow });
        await Expect(page.GetByTestId("messages-grid").Locator("tbody tr").First).ToBeVisibleAsync(new() { Timeout = (float)slow });
        var created = time.Elapsed;
        var grid = page.GetByTestId("messages-grid");
        await Expect(grid).ToContainTextAsync(new Regex(@"1-25 of 100,?000"), new() { Timeout = (float)slow });
        await grid.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(grid).ToContainTextAsync(new Regex(@"26-50 of 100,?000"), new() { Timeout = (float)slow });
        await Expect(grid).ToContainTextAsync("+966500000025", new() { Timeout = (float)slow });
        var paged = time.Elapsed;

        var export = Stopwatch.StartNew();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync(), new() { Timeout = 300_000 });
        var lines = File.ReadLines((await download.PathAsync())!).Count();
        export.Stop();
        await DashboardFixture.ScreenshotAsync(page, "campaign-detail-100k");
        Assert.Equal(count + 1, lines);
        Console.WriteLine($"100k via UI: upload+read {read.TotalSeconds:0.0} s, check {(check - read).TotalSeconds:0.0} s, into grid {(imported - check).TotalSeconds:0.0} s, " +
                          $"create+open {(created - imported).TotalSeconds:0.0} s, next page {(paged - created).TotalSeconds:0.0} s, CSV export {export.Elapsed.TotalSeconds:0.0} s");
        File.Delete(file);
    }

    private static async Task<string> TextOf(IDownload download) => await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);

    private static string Sample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "CampaignAdmin.E2E", "Samples", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(name);
    }
}
