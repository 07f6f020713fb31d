using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class CampaignDetailTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AFailedMessageResentFromItsRowTurnsSubmitted()
    {
        // The sandbox fails a number ending 0001 on its first attempt and accepts it when resent.
        var name = SeedApi.UniqueName("Resend demo");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539070001", "+966539078942"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070001" });
        await Expect(row.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("131049");
        await Expect(page.GetByTestId("edit-disabled-reason")).ToContainTextAsync("Only scheduled campaigns can be edited");
        await Expect(page.GetByTestId("edit-campaign")).ToBeDisabledAsync();
        await DashboardFixture.ScreenshotAsync(page, "campaign-detail-failed");

        await row.GetByRole(AriaRole.Button, new() { Name = "Resend to +966539070001" }).ClickAsync();

        await Expect(row.Locator("[data-status='SUBMITTED']")).ToBeVisibleAsync();
        await Expect(page.GetByText("Resent to +966539070001: SUBMITTED.")).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Resend to +966539070001" })).ToHaveCountAsync(0);
        await DashboardFixture.ScreenshotAsync(page, "campaign-detail-resent");
    }

    [Fact]
    public async Task AScheduledCampaignCanBeRenamedAndRescheduled()
    {
        var name = SeedApi.UniqueName("Scheduled demo");
        var sendAt = DateTimeOffset.UtcNow.AddDays(7).ToOffset(TimeSpan.FromHours(3));
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539078942", "+966539078944"], sendAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.Locator("[data-status='scheduled']")).ToBeVisibleAsync();

        await page.GetByTestId("edit-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var renamed = name + " (moved)";
        await dialog.GetByLabel("Campaign name").FillAsync(renamed);
        var time = dialog.GetByLabel("Time", new() { Exact = true });
        await time.FillAsync("09:30");
        await time.PressAsync("Tab");
        await Expect(dialog.GetByTestId("send-at-iso")).ToHaveTextAsync(new Regex(@"T09:30:00\+03:00$"));
        await Expect(dialog.GetByTestId("send-at-utc")).ToHaveTextAsync(new Regex(@"06:30 UTC$"));
        await DashboardFixture.ScreenshotAsync(page, "edit-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync(renamed);
        await Expect(page.GetByText($"Campaign \"{renamed}\" updated.")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@", 09:30$"))).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task DeletingASentCampaignAsksForItsNameAndRemovesIt()
    {
        var name = SeedApi.UniqueName("Delete demo");
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539078942", "+966539078944"]);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.GetByTestId("stat-sent")).ToContainTextAsync("2");

        await page.GetByTestId("delete-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        var confirm = dialog.GetByTestId("delete-confirm");
        await Expect(confirm).ToBeDisabledAsync();
        await dialog.GetByLabel("Campaign name to confirm").FillAsync(name);
        await Expect(confirm).ToBeEnabledAsync();
        await DashboardFixture.ScreenshotAsync(page, "delete-dialog");
        await confirm.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(page.GetByText($"Campaign \"{name}\" deleted.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
    }
}
