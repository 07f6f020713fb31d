using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task EveryPageRendersWithTheApiAnswering()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/campaigns$"));
        await Expect(page.GetByTestId("api-status")).ToContainTextAsync("answering");
        await DashboardFixture.ScreenshotAsync(page, "campaigns-empty");

        await page.GotoAsync("templates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "order_confirmation" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "templates");

        await page.GotoAsync("campaigns/new");
        await Expect(page.GetByLabel("Campaign name")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-empty");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        // The choice is kept in this browser: a new page load is still dark.
        await page.GotoAsync("templates");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "order_confirmation" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        Assert.NotEqual("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        await DashboardFixture.ScreenshotAsync(page, "templates-dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
    }
}
