using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>The recipients grid as a spreadsheet, Arabic text direction, and an import mapping remembered for next time.</summary>
[Collection(DashboardCollection.Name)]
public sealed class BuilderGridTests(DashboardFixture fixture)
{
    // A paste as the browser delivers one: a ClipboardEvent carrying the text. Returns whether the page took it over.
    internal const string Paste = """
        (input, text) => {
          input.focus();
          const data = new DataTransfer();
          data.setData("text/plain", text);
          return !input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }
        """;

    [Fact]
    public async Task ATabSeparatedBlockPastedIntoACellFillsRowsAndColumnsAndUndoPutsThemBack()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(SeedApi.UniqueName("Pasted"));
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "{{1}} customer name · John" })).ToBeVisibleAsync();

        // Copied from a sheet: four rows of number, name, order; one number too short, one missing.
        var block = "+966539078942\tJohn\tORD-1\r\n+96653907\tSara\tORD-2\r\n\tLayla\tORD-3\r\n+966539078946\tOmar\tORD-4\r\n";
        Assert.True(await page.GetByLabel("Row 1 Account ID").EvaluateAsync<bool>(Paste, block));

        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("4 recipients");
        await Expect(page.GetByTestId("cell-paste-summary")).ToContainTextAsync("Pasted 4 rows × 3 columns from row 1 (3 rows added).");
        await Expect(page.GetByLabel("Row 1 {{1}}")).ToHaveValueAsync("John");
        await Expect(page.GetByLabel("Row 3 {{1}}")).ToHaveValueAsync("Layla");
        await Expect(page.GetByLabel("Row 4 Account ID")).ToHaveValueAsync("+966539078946");
        await Expect(page.GetByLabel("Row 4 {{2}}")).ToHaveValueAsync("ORD-4");
        await Expect(page.Locator("[data-field='Clients[1].AccountID'] .problem-sentence")).ToHaveTextAsync("+96653907 is too short to be a Saudi number.");
        await Expect(page.Locator("[data-field='Clients[2].AccountID'] .problem-sentence")).ToHaveTextAsync("Enter a phone number.");
        await Expect(page.GetByTestId("create-problem")).ToHaveTextAsync(["1 number is too short — go to row 2", "1 row has no phone number — go to row 3"]);
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-grid-after");

        // From a value cell: only the values move, from that column on.
        Assert.True(await page.GetByLabel("Row 2 {{1}}").EvaluateAsync<bool>(Paste, "Noura\tORD-20\nFahad\tORD-30"));
        await Expect(page.GetByLabel("Row 3 {{2}}")).ToHaveValueAsync("ORD-30");
        await Expect(page.GetByLabel("Row 3 Account ID")).ToHaveValueAsync("");
        await page.GetByTestId("undo-paste").ClickAsync();
        await Expect(page.GetByLabel("Row 3 {{1}}")).ToHaveValueAsync("Layla");
        await Expect(page.GetByLabel("Row 2 {{2}}")).ToHaveValueAsync("ORD-2");

        // One value is an ordinary paste: the browser inserts it.
        Assert.False(await page.GetByLabel("Row 4 {{1}}").EvaluateAsync<bool>(Paste, "Just one\r\n"));
    }

    [Fact]
    public async Task TheArabicTemplateIsFoundByItsLanguageAndItsTextReadsRightToLeft()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        var picker = page.GetByLabel("Template", new() { Exact = true });
        await picker.ClickAsync();
        await picker.FillAsync("arabic");
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items).ToContainTextAsync("order_shipped_ar");
        // The one match is highlighted: Enter picks it without leaving the box. (A click blurs the box first; once, in CI
        // on a loaded machine, the pick was lost behind the blur's re-render: see the closing note of 2026-12-02.)
        await picker.PressAsync("Enter");
        await Expect(picker).ToHaveValueAsync("order_shipped_ar");

        var message = page.GetByLabel("Message");
        await Expect(message).ToHaveAttributeAsync("dir", "auto");
        Assert.True(await message.EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), "the Arabic message reads right to left");
        var name = page.GetByLabel("Campaign name");
        await name.FillAsync("عرض رمضان");
        Assert.True(await name.EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), "an Arabic name reads right to left");
        await name.FillAsync("Ramadan offer");
        Assert.True(await name.EvaluateAsync<bool>("e => e.matches(':dir(ltr)')"), "an English name reads left to right");
        var cell = page.GetByLabel("Row 1 {{1}}");
        await cell.FillAsync("محمد");
        Assert.True(await cell.EvaluateAsync<bool>("e => e.matches(':dir(rtl)')"), "an Arabic value reads right to left");
        Assert.True(await page.GetByLabel("Row 1 Account ID").EvaluateAsync<bool>("e => e.matches(':dir(ltr)')"), "numbers stay left to right");
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-arabic-after");
    }

    [Fact]
    public async Task AColumnMappingIsRememberedForTheNextImportOfTheSameColumns()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kunden-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "Tel,Kunde,Bestellung,Notiz\n+966539078942,John,ORD-1,x\n+966539078944,Sara,ORD-2,y\n");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.GetByLabel("Recipients file").SetInputFilesAsync(file);
        await Expect(page.GetByTestId("import-remembered")).ToHaveCountAsync(0);
        await ChooseAsync(page, "map-account-id", "A: Tel");
        await ChooseAsync(page, "map-variable-1", "B: Kunde");
        await ChooseAsync(page, "map-variable-2", "C: Bestellung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check 2 rows" }).ClickAsync();
        await page.GetByTestId("import-accept").ClickAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("2 recipients");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Import file" }).ClickAsync();
        await page.GetByLabel("Recipients file").SetInputFilesAsync(file);

        await Expect(page.GetByTestId("import-remembered")).ToHaveTextAsync("Columns mapped as you mapped them last time for order_confirmation (en_US).");
        await Expect(page.Locator("input[data-testid=map-variable-2]")).ToHaveValueAsync("C: Bestellung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check 2 rows" }).ClickAsync();
        await page.GetByTestId("import-accept").ClickAsync();
        await Expect(page.GetByLabel("Row 2 {{1}}")).ToHaveValueAsync("Sara");
        File.Delete(file);
    }

    private static async Task ChooseAsync(IPage page, string select, string item)
    {
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator($"input[data-testid={select}]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(item)}$") }).ClickAsync();
        await Expect(page.Locator($"input[data-testid={select}]")).ToHaveValueAsync(item);
    }
}
