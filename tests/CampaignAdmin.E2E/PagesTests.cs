using Microsoft.Playwright;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task EveryPageRendersWithTheApiAnswering()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/campaigns$"));
        await Assertions.Expect(page.GetByTestId("api-status")).ToContainTextAsync("answering");
        await DashboardFixture.ScreenshotAsync(page, "campaigns-empty");

        await page.GotoAsync("templates");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "order_confirmation" })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "templates");

        await page.GotoAsync("campaigns/new");
        await Assertions.Expect(page.GetByLabel("Campaign name")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "new-campaign-empty");
    }
}
