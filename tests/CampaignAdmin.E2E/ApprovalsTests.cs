using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>Maker-checker in a real browser, on a dashboard with <c>Approvals__Required=true</c>: a Marketer submits, an Approver approves.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ApprovalsTests(DashboardFixture fixture)
{
    private const string MarketerEmail = "maker@e2e.test", ApproverEmail = "checker@e2e.test";

    [Fact]
    public async Task AMarketersSubmittedCampaignIsCreatedByAnApproverAndItsHistoryShowsBothSteps()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Approvals__Required"] = "true" });
        var admin = await SignedInAsync(app, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await admin.GotoAsync("admin/users");
        await TestUsers.CreateUserAsync(admin, MarketerEmail, TestUsers.Password, "Marketer");
        await TestUsers.CreateUserAsync(admin, ApproverEmail, TestUsers.Password, "Approver");
        await admin.Context.CloseAsync();

        var name = SeedApi.UniqueName("Needs approval");
        var maker = await SignedInAsync(app, MarketerEmail, TestUsers.Password);
        await maker.GotoAsync("campaigns/new");
        await maker.GetByLabel("Campaign name").FillAsync(name);
        await CampaignBuilderTests.PickTemplateAsync(maker, "order_confirmation");
        await maker.GetByLabel("Row 1 Account ID").FillAsync("+966539078942");
        await maker.GetByLabel("Row 1 {{1}}").FillAsync("John");
        await maker.GetByLabel("Row 1 {{2}}").FillAsync("ORD-1");
        await maker.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await maker.GetByLabel("Row 2 Account ID").FillAsync("0539078944");
        await maker.GetByLabel("Row 2 {{1}}").FillAsync("Sara");
        await maker.GetByLabel("Row 2 {{2}}").FillAsync("ORD-2");
        await maker.GetByLabel("Row 2 {{2}}").PressAsync("Tab");
        await Expect(maker.GetByTestId("create-campaign")).ToHaveTextAsync("Submit for approval");
        await DashboardFixture.ScreenshotAsync(maker, "approval-builder-submit");
        await maker.GetByTestId("create-campaign").ClickAsync();

        await Expect(maker).ToHaveURLAsync(new Regex(@"/campaigns$"));
        var draftRow = maker.GetByTestId("drafts-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(draftRow.GetByTestId("draft-state")).ToHaveTextAsync("Awaiting approval");
        await DashboardFixture.ScreenshotAsync(maker, "approval-drafts-awaiting");
        await Expect(maker.GetByRole(AriaRole.Link, new() { Name = "Approvals" })).ToHaveCountAsync(0);

        var checker = await SignedInAsync(app, ApproverEmail, TestUsers.Password);
        await checker.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).ClickAsync();
        var row = checker.GetByTestId("approvals-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync(MarketerEmail);
        await DashboardFixture.ScreenshotAsync(checker, "approval-list");
        await AssertAccessibleAsync(checker, "approvals");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(checker.GetByTestId("approval-recipients")).ToHaveTextAsync("2");
        await Expect(checker.GetByTestId("preview-body")).ToHaveTextAsync("Thank you for your order, John! Your order number is ORD-1.");
        await DashboardFixture.ScreenshotAsync(checker, "approval-review");
        await AssertAccessibleAsync(checker, "approval-review");
        await checker.GetByTestId("approve").ClickAsync();

        await Expect(checker).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(checker.GetByTestId("campaign-name-heading")).ToHaveTextAsync(name);
        var history = checker.GetByTestId("campaign-history");
        await Expect(history).ToContainTextAsync("Submitted for approval");
        await Expect(history).ToContainTextAsync("Approved campaign");
        await Expect(history).ToContainTextAsync(MarketerEmail);
        await DashboardFixture.ScreenshotAsync(checker, "approval-campaign-history");
    }

    /// <summary>No serious or critical axe-core violation (as AccessibilityTests checks every other page).</summary>
    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => null)))");
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    private async Task<IPage> SignedInAsync(AppProcess app, string email, string password)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh", Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, email, password);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        return page;
    }
}
