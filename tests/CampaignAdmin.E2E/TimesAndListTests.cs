using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>Issue 11: the edit dialog keeps a campaign's own offset; the list's filter lives in the address.</summary>
[Collection(DashboardCollection.Name)]
public sealed class TimesAndListTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheEditDialogOpensA0900RiyadhCampaignAt0900InAPlusThreeZoneForAViewerInLondon()
    {
        var name = SeedApi.UniqueName("Riyadh morning");
        var day = DateTimeOffset.UtcNow.AddDays(10).ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, name, ["+966539078942", "+966539078944"], $"{day}T09:00:00+03:00");
        var page = await fixture.NewPageAsync(timeZone: "Europe/London");
        await page.GotoAsync($"campaigns/{id}");
        await Expect(page.GetByTestId("times-in")).ToHaveTextAsync(new Regex(@"^Times in Europe/London \(UTC\+0[01]:00\)\.$"));

        await page.GetByTestId("edit-campaign").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByLabel("Date", new() { Exact = true })).ToHaveValueAsync(day);
        await Expect(dialog.GetByLabel("Time", new() { Exact = true })).ToHaveValueAsync("09:00");
        await Expect(dialog.GetByTestId("schedule-zone")).ToHaveValueAsync("Asia/Riyadh");
        await Expect(dialog.GetByTestId("send-at-iso")).ToHaveTextAsync($"{day}T09:00:00+03:00");
        await Expect(dialog.GetByTestId("send-at-utc")).ToHaveTextAsync(new Regex(@", 06:00 UTC$"));
        await DashboardFixture.ScreenshotAsync(page, "edit-dialog-after");

        // Saved untouched, it keeps its time and offset.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText($"Campaign \"{name}\" updated.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("scheduled-as")).ToHaveTextAsync(new Regex(@"^scheduled as .*, 09:00 UTC\+03:00$"));
    }

    [Fact]
    public async Task TheListsStatusFilterAndSearchAreInTheAddressAndSurviveAReloadAndBack()
    {
        // The sandbox reads a number ending in an even digit a little after delivering it: 2 of 3 delivered get read.
        var token = "Address " + Guid.NewGuid().ToString("N")[..6];
        var read = await SeedApi.CreateAsync(fixture.App.BaseUrl, $"{token} read", ["+966539078942", "+966539078944", "+966539078943"]);
        await SeedApi.CreateAsync(fixture.App.BaseUrl, $"{token} later", ["+966539078942", "+966539078944"],
            DateTimeOffset.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
        await SeedApi.WaitForReadCountAsync(fixture.App.BaseUrl, read, 2);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("campaigns");
        var grid = page.GetByTestId("campaigns-grid");
        var rows = grid.Locator("tbody tr");

        await page.GetByLabel("Search by name").FillAsync(token);
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns\?q=Address(%20|\+)[0-9a-f]{6}$"));
        await Expect(rows).ToHaveCountAsync(2);
        await page.GetByTestId("campaign-status-filter").SelectOptionAsync(new SelectOptionValue { Label = "completed" });
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns\?q=Address(%20|\+)[0-9a-f]{6}&status=completed$"));
        await Expect(rows).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Search by name")).ToHaveValueAsync(token);
        await Expect(page.GetByTestId("campaign-status-filter")).ToHaveValueAsync("completed");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync($"{token} read");
        await Expect(rows.First.GetByTestId("read-count")).ToHaveTextAsync("2 read");
        await Expect(rows.First.GetByTestId("read-rate")).ToHaveTextAsync("67% of delivered");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Send time (Asia/Riyadh)" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "campaigns-after");

        // Back: the search alone again, both campaigns.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns\?q=Address(%20|\+)[0-9a-f]{6}$"));
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByLabel("Search by name")).ToHaveValueAsync(token);
    }
}
