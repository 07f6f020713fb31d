using System.Text.RegularExpressions;
using CampaignAdmin.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>Drafts outlive the dashboard process; Duplicate opens a draft with the campaign's recipients.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DraftsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AFilledBuilderSurvivesKillingTheDashboardAndReopensFromTheDraftsListExactlyAsItWas()
    {
        // The dashboard's own databases, kept across the two processes (a bare name would be a fresh one for each).
        var folder = Directory.CreateTempSubdirectory("campaignadmin-drafts-e2e-").FullName;
        var postgres = TestProvider.IsPostgres ? (PostgresServer.Shared.CreateDatabase(), PostgresServer.Shared.CreateDatabase()) : default;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Dashboard"] = TestProvider.IsPostgres ? postgres.Item1 : $"Data Source={Path.Combine(folder, "dashboard.db")};Pooling=false",
            ["ConnectionStrings__Campaigns"] = TestProvider.IsPostgres ? postgres.Item2 : $"Data Source={Path.Combine(folder, "campaigns.db")};Pooling=false",
        };
        var name = SeedApi.UniqueName("Survives restarts");
        try
        {
            string draftUrl;
            await using (var first = await AppProcess.StartAsync(settings))
            {
                var page = await SignedInAsync(first);
                await page.GotoAsync("campaigns/new");
                await page.GetByLabel("Campaign name").FillAsync(name);
                await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
                await page.GetByLabel("Message").FillAsync("Hello {{1}}, order {{2}} ships today.");
                await page.GetByLabel("Row 1 Account ID").FillAsync("+966539078942");
                await page.GetByLabel("Row 1 {{1}}").FillAsync("John");
                await page.GetByLabel("Row 1 {{2}}").FillAsync("ORD-1");
                await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
                await page.GetByLabel("Row 2 Account ID").FillAsync("0539078944");
                await page.GetByLabel("Row 2 {{1}}").FillAsync("Sara");
                await page.GetByLabel("Row 2 {{2}}").FillAsync("ORD-2");
                await page.GetByRole(AriaRole.Radio, new() { Name = "Schedule" }).CheckAsync();
                await page.GetByLabel("Date").FillAsync("2030-01-15");
                await page.GetByLabel("Date").PressAsync("Tab");
                await page.GetByLabel("Time", new() { Exact = true }).FillAsync("09:30");
                await page.GetByLabel("Time", new() { Exact = true }).PressAsync("Tab");
                await Expect(page.GetByTestId("send-at-iso")).ToHaveTextAsync("2030-01-15T09:30:00+03:00");

                // Saved a second after the last change, and the address names the draft. "Saving your changes…" stands in
                // for "saved" from the change (the same render that shows the send time) until the save of it is done, so
                // "saved" here means everything above is in the database.
                await Expect(page.GetByTestId("draft-pending")).ToHaveCountAsync(0);
                await Expect(page.GetByTestId("draft-saved")).ToBeVisibleAsync();
                await Expect(page.GetByLabel("Template", new() { Exact = true })).ToHaveValueAsync("order_confirmation");
                await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/new\?draft=[0-9a-f-]{36}$"));
                await Expect(page.GetByTestId("draft-saved")).ToContainTextAsync("(Asia/Riyadh)");
                await DashboardFixture.ScreenshotAsync(page, "draft-saved");
                draftUrl = page.Url;
                await page.Context.CloseAsync();
            } // the process is killed here, with no chance to save anything more

            await using var second = await AppProcess.StartAsync(settings);
            var again = await SignedInAsync(second);
            await again.GotoAsync("campaigns");
            var row = again.GetByTestId("drafts-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
            await Expect(row).ToContainTextAsync(AppProcess.AdminEmail);
            await Expect(row.Locator("td[data-label='Recipients']")).ToHaveTextAsync("2");
            await DashboardFixture.ScreenshotAsync(again, "drafts-list");
            await row.GetByRole(AriaRole.Link, new() { Name = $"Open draft {name}" }).ClickAsync();

            await Expect(again).ToHaveURLAsync(new Regex(Regex.Escape(new Uri(draftUrl).Query) + "$"));
            await Expect(again.GetByLabel("Campaign name")).ToHaveValueAsync(name);
            await Expect(again.GetByLabel("Template", new() { Exact = true })).ToHaveValueAsync("order_confirmation");
            await Expect(again.GetByLabel("Message")).ToHaveValueAsync("Hello {{1}}, order {{2}} ships today.");
            await Expect(again.GetByLabel("Row 1 Account ID")).ToHaveValueAsync("+966539078942");
            await Expect(again.GetByLabel("Row 1 {{2}}")).ToHaveValueAsync("ORD-1");
            await Expect(again.GetByLabel("Row 2 Account ID")).ToHaveValueAsync("0539078944");
            await Expect(again.GetByLabel("Row 2 {{1}}")).ToHaveValueAsync("Sara");
            await Expect(again.GetByTestId("send-at-iso")).ToHaveTextAsync("2030-01-15T09:30:00+03:00");
            await DashboardFixture.ScreenshotAsync(again, "draft-reopened");
        }
        finally
        {
            if (TestProvider.IsPostgres)
            {
                PostgresServer.Shared.DropDatabase(postgres.Item1);
                PostgresServer.Shared.DropDatabase(postgres.Item2);
            }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        }
    }

    [Fact]
    public async Task DuplicateOpensADraftWithTheCampaignsRecipientsAndTheirParams()
    {
        var name = SeedApi.UniqueName("To duplicate");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539078942", "+966539078944"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");

        await page.GetByTestId("duplicate-campaign").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/new\?draft=[0-9a-f-]{36}$"));
        await Expect(page.GetByLabel("Campaign name")).ToHaveValueAsync($"{name} (copy)");
        await Expect(page.GetByLabel("Template", new() { Exact = true })).ToHaveValueAsync("order_confirmation");
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("2 recipients");
        await Expect(page.GetByLabel("Row 1 Account ID")).ToHaveValueAsync("+966539078942");
        await Expect(page.GetByLabel("Row 1 {{1}}")).ToHaveValueAsync("Customer 1");
        await Expect(page.GetByLabel("Row 2 {{2}}")).ToHaveValueAsync("ORD-1001");
        await DashboardFixture.ScreenshotAsync(page, "draft-duplicated");
    }

    [Fact]
    public async Task FollowUpCountsTheCohortsFirstAndOpensADraftOfTheOnePicked()
    {
        // The sandbox never delivers to a number ending 0000 (131026: failed for good).
        var name = SeedApi.UniqueName("To follow up");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539070000", "+966539078942"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070000" }).Locator("[data-status='FAILED']")).ToBeVisibleAsync();

        await page.GetByTestId("follow-up-campaign").ClickAsync();

        await Expect(page.GetByTestId("cohort-count-FailedForGood")).ToHaveTextAsync("1 recipient");
        await Expect(page.GetByTestId("cohort-count-FailedRetryable")).ToHaveTextAsync("0 recipients");
        await DashboardFixture.ScreenshotAsync(page, "follow-up-dialog");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Failed for good: 1 recipient" }).CheckAsync();
        await page.GetByTestId("follow-up-confirm").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/new\?draft=[0-9a-f-]{36}$"));
        await Expect(page.GetByLabel("Campaign name")).ToHaveValueAsync($"{name} · follow-up: failed for good");
        await Expect(page.GetByTestId("recipient-count")).ToHaveTextAsync("1 recipient");
        await Expect(page.GetByLabel("Row 1 Account ID")).ToHaveValueAsync("+966539070000");
        await Expect(page.GetByLabel("Row 1 {{1}}")).ToHaveValueAsync("Customer 1");
    }

    private async Task<IPage> SignedInAsync(AppProcess app)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh", Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        return page;
    }
}
