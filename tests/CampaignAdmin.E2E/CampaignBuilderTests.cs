using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class CampaignBuilderTests(DashboardFixture fixture)
{
    [Fact]
    public async Task BuildingACampaignCreatesItListsItAndOpensIt()
    {
        var page = await fixture.NewPageAsync();
        var name = SeedApi.UniqueName("Spring orders");
        await page.GotoAsync("campaigns/new");

        await page.GetByLabel("Campaign name").FillAsync(name);
        await PickTemplateAsync(page, "order_confirmation");
        await Expect(page.GetByLabel("Message")).ToHaveValueAsync("Thank you for your order, {{1}}! Your order number is {{2}}.");
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "{{2}} order number · ORD-12345" })).ToBeVisibleAsync();

        await page.GetByLabel("Row 1 Account ID").FillAsync("+966539078942");
        await page.GetByLabel("Row 1 {{1}}").FillAsync("John");
        await page.GetByLabel("Row 1 {{2}}").FillAsync("ORD-12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync("+966539078944");
        await page.GetByLabel("Row 2 {{1}}").FillAsync("Sara");
        await page.GetByLabel("Row 2 {{2}}").FillAsync("ORD-12346");
        await page.GetByLabel("Row 1 {{1}}").FocusAsync();
        await Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("Thank you for your order, John! Your order number is ORD-12345.");
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-filled");

        var create = page.GetByTestId("create-campaign");
        await Expect(create).ToBeEnabledAsync();
        await create.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync(name);
        await Expect(page.GetByText("+966539078944")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "campaign-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns", Exact = true }).ClickAsync();
        await page.GetByLabel("Search by name").FillAsync(name);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("order_confirmation");
        await page.GetByLabel("Search by name").FillAsync("");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(page, "campaigns");
    }

    [Fact]
    public async Task LiveValidationShowsSentencesWithTheRulesOnceAFieldIsLeftAndListsEveryProblem()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        var reason = page.GetByTestId("create-disabled-reason");
        await Expect(reason.GetByTestId("create-problem").First).ToHaveTextAsync("Give the campaign a name — go to the name");
        await Expect(page.Locator("[data-field]")).ToHaveCountAsync(0); // nothing shouts before it was touched

        var nameField = page.GetByLabel("Campaign name");
        await nameField.FillAsync("x");
        await nameField.FillAsync("");
        await Expect(page.Locator("[data-field='Name']")).ToHaveCountAsync(0); // still in the field
        await nameField.PressAsync("Tab");
        await Expect(page.Locator("[data-field='Name'] .problem-sentence")).ToHaveTextAsync("Give the campaign a name.");
        await Expect(page.Locator("[data-field='Name'] .problem-rule")).ToHaveTextAsync("Rule: invalid request: name is required");

        await nameField.FillAsync("Validation demo");
        await PickTemplateAsync(page, "order_confirmation");
        var number = page.GetByLabel("Row 1 Account ID");
        await number.FillAsync("+96653907");
        await number.PressAsync("Tab");
        await Expect(page.Locator("[data-field='Clients[0].AccountID'] .problem-sentence")).ToHaveTextAsync("+96653907 is too short to be a Saudi number.");
        await Expect(page.Locator("[data-field='Clients[0].AccountID'] .problem-rule")).ToHaveTextAsync("Rule: invalid request: invalid accountID \"+96653907\"");
        await Expect(page.Locator("[data-field='Clients'] .problem-sentence")).ToHaveTextAsync("Add one more recipient: a campaign goes to at least 2.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync("+966 53 907 8942");
        await page.GetByLabel("Row 3 Account ID").FillAsync("+966539078942");
        await page.GetByLabel("Row 3 Account ID").PressAsync("Tab");
        await Expect(page.Locator("[data-field='Clients[2].AccountID'] .problem-sentence")).ToHaveTextAsync("+966539078942 is already on row 2: each number gets the message once.");

        await page.GetByTestId("create-campaign").ClickAsync();
        await Expect(reason.GetByTestId("create-problem")).ToHaveTextAsync(
        [
            "1 number is too short — go to row 1",
            "1 number is listed twice — go to row 3",
        ]);
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/new$"));
        await reason.GetByRole(AriaRole.Button, new() { Name = "go to row 3" }).ClickAsync();
        await Expect(page.GetByLabel("Row 3 Account ID")).ToBeFocusedAsync();
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-validation-after");
    }

    [Fact]
    public async Task TenThousandPastedRecipientsStayResponsive()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync("Ten thousand");
        await PickTemplateAsync(page, "order_confirmation");
        var rows = string.Join("\n", Enumerable.Range(0, 10_000).Select(i => $"+9665{i:D8}\tName {i}\tORD-{i}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Paste rows" }).ClickAsync();
        // Chromium's text insertion (Playwright's FillAsync) takes minutes for 10,000 lines; a paste lands as one value and one change event.
        await page.GetByLabel("Rows from a spreadsheet").EvaluateAsync(
            "(area, text) => { area.value = text; area.dispatchEvent(new Event('change', { bubbles: true })); }", rows);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pasted rows" }).ClickAsync();
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("10,000 recipients");
        await Expect(page.GetByTestId("create-disabled-reason")).ToHaveCountAsync(0);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await page.GetByLabel("Row 1 Account ID").FillAsync("12");
        await Expect(page.Locator("[data-field='Clients[0].AccountID']")).ToContainTextAsync("invalid request: invalid accountID \"12\"");
        watch.Stop();
        // Generous for a loaded 2-core runner; the point is that the page does not render 10,000 rows per keystroke.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"a keystroke with 10,000 rows took {watch.ElapsedMilliseconds} ms");

        await page.GetByTestId("recipients-grid").EvaluateAsync("grid => grid.scrollTop = grid.scrollHeight");
        await Expect(page.GetByLabel("Row 10000 Account ID")).ToHaveValueAsync("+966500009999");
        Assert.True(await page.Locator("tr[data-row]").CountAsync() < 200, "the grid renders only the rows in view");
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-10000-rows");
    }

    /// <summary>Picks <paramref name="template"/> in the picker labelled <paramref name="label"/> (the page's language's word for it).</summary>
    internal static async Task PickTemplateAsync(IPage page, string template, string label = "Template")
    {
        var picker = page.GetByLabel(label, new() { Exact = true });
        await picker.ClickAsync();
        await picker.FillAsync(template);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = template }).First.ClickAsync();
        await Expect(picker).ToHaveValueAsync(template);
        // MudAutocomplete re-focuses its input after a pick, asynchronously: typing elsewhere before that would land in the picker.
        await Expect(picker).ToBeFocusedAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
