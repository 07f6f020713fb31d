using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// axe-core (bundled in Deque.AxeCore.Playwright, no network) on every page and every dialog: no violation of impact
/// serious or critical. A failure lists each violation's rule, impact, elements and help, so it says what to fix.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TheSignInPageHasNoSeriousAccessibilityViolation()
    {
        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync("account/sign-in");
        await Expect(page.GetByLabel("Email")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "sign-in");
    }

    [Fact]
    public async Task TheListPagesHaveNoSeriousAccessibilityViolation()
    {
        await SeedApi.CreateAsync(fixture.App.BaseUrl, SeedApi.UniqueName("Axe list"), ["+966539078942", "+966539078944"]);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("campaigns-grid").GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "campaigns");

        await page.GotoAsync("templates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "order_confirmation" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "templates");

        await page.GotoAsync("audit");
        await Expect(page.GetByTestId("audit-grid")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "audit");

        await page.GotoAsync("admin/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "users");

        await page.GotoAsync("admin/api");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "api-connection");
    }

    [Fact]
    public async Task TheNewCampaignPageHasNoSeriousAccessibilityViolationEmptyOrWithErrors()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns/new");
        var name = page.GetByLabel("Campaign name");
        await Expect(name).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "new-campaign-empty");

        await name.FillAsync("x");
        await name.FillAsync("");
        await name.PressAsync("Tab");
        var number = page.GetByLabel("Row 1 Account ID");
        await number.FillAsync("12");
        await number.PressAsync("Tab");
        await Expect(page.Locator("[data-field='Clients[0].AccountID'] .problem-rule")).ToHaveTextAsync("Rule: invalid request: invalid accountID \"12\"");
        // Create with problems: every one shows on its field, and the grouped list turns red.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create campaign" }).ClickAsync();
        await Expect(page.Locator("[data-field='Name'] .problem-sentence")).ToHaveTextAsync("Give the campaign a name.");
        await AssertAccessibleAsync(page, "new-campaign-errors");
    }

    [Fact]
    public async Task ACampaignWithFailedMessagesAndItsDialogsHaveNoSeriousAccessibilityViolation()
    {
        // The sandbox never delivers to a number ending 0000.
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, SeedApi.UniqueName("Axe failed"), ["+966539070000", "+966539078942"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        var failedRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070000" });
        await Expect(failedRow.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("resend-all")).ToBeEnabledAsync();
        await AssertAccessibleAsync(page, "campaign-detail-failed");

        await page.GetByTestId("delete-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("delete-confirm")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "delete-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);

        await page.GetByTestId("resend-all").ClickAsync();
        await Expect(dialog.GetByTestId("resend-all-count")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "resend-all-dialog");
        await dialog.GetByTestId("resend-all-confirm").ClickAsync();
        await Expect(page.GetByTestId("resend-all-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("resend-all")).ToBeEnabledAsync();
        await AssertAccessibleAsync(page, "resend-all-summary");
    }

    [Fact]
    public async Task TheFollowUpDialogAndTheDraftsListHaveNoSeriousAccessibilityViolation()
    {
        var name = SeedApi.UniqueName("Axe follow-up");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539070000", "+966539078942"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070000" }).Locator("[data-status='FAILED']")).ToBeVisibleAsync();

        await page.GetByTestId("follow-up-campaign").ClickAsync();
        await Expect(page.GetByTestId("cohort-count-FailedForGood")).ToHaveTextAsync("1 recipient");
        await AssertAccessibleAsync(page, "follow-up-dialog");
        await page.GetByTestId("follow-up-confirm").ClickAsync();
        await Expect(page.GetByLabel("Campaign name")).ToHaveValueAsync($"{name} · follow-up: failed for good");

        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("drafts-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "campaigns-with-drafts");
    }

    [Fact]
    public async Task TheEditDialogHasNoSeriousAccessibilityViolation()
    {
        var sendAt = DateTimeOffset.UtcNow.AddDays(7).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, SeedApi.UniqueName("Axe edit"), ["+966539078942", "+966539078944"], sendAt);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        await page.GetByTestId("edit-campaign").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("send-at-iso")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "edit-dialog");
    }

    private async Task AssertAccessibleAsync(IPage page, string name, params string[] exclude)
    {
        // Colours are measured as they end up: a button just enabled again fades from grey to its colour (a 250 ms CSS
        // transition), and axe measured one halfway once. Waits for the transitions running now, not for a time.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))");
        var result = exclude.Length == 0 ? await page.RunAxe()
            : await page.RunAxe(new AxeRunContext { Exclude = exclude.Select(s => new AxeSelector(s)).ToList() });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = Describe(name, result.Violations) + await WhereAsync(page, serious);
        output.WriteLine(report);
        if (serious.Count > 0) await DashboardFixture.ScreenshotAsync(page, $"axe-{name}");
        Assert.True(serious.Count == 0, report);
    }

    // Where each serious violation sits: the label of its field, or the nearest test id, which the generated selectors don't say.
    private static async Task<string> WhereAsync(IPage page, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var node in violations.SelectMany(v => v.Nodes).Take(20))
        {
            var where = await page.EvaluateAsync<string?>(
                "s => { const e = document.querySelector(s); if (!e) return null; const c = e.closest('.mud-input-control, [data-testid]');" +
                " return c ? (c.querySelector('label')?.textContent ?? '') + ' ' + (c.getAttribute('data-testid') ?? c.querySelector('[data-testid]')?.getAttribute('data-testid') ?? '') : null; }",
                node.Target.ToString());
            text.Append(CultureInfo.InvariantCulture, $"\n  {node.Target} is in: {where ?? "?"}");
        }
        return text.ToString();
    }

    private static string Describe(string name, IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder($"axe on {name}:");
        foreach (var violation in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes.Take(8))
                text.Append(CultureInfo.InvariantCulture, $"\n    {node.Target} :: {(node.Html.Length > 400 ? node.Html[..400] + "…" : node.Html)}");
            if (violation.Nodes.Length > 8) text.Append(CultureInfo.InvariantCulture, $"\n    … and {violation.Nodes.Length - 8} more");
        }
        return text.ToString();
    }
}
