using System.Text.RegularExpressions;
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
        var shown = await page.EvaluateAsync<string[]>(
            "[getComputedStyle(document.body).backgroundColor, document.documentElement.className, String(localStorage.getItem('campaignadmin.theme'))]");
        Assert.True(shown[0] != "rgb(255, 255, 255)", $"the page is light: body {shown[0]}, html class '{shown[1]}', stored choice {shown[2]}");
        await DashboardFixture.ScreenshotAsync(page, "templates-dark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" }).ClickAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheNavigationDrawerFoldsAwayOnAWideWindowAndOverlaysANarrowOne()
    {
        var page = await fixture.NewPageAsync();
        var drawer = page.Locator("#main-drawer");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
        var content = page.Locator(".mud-main-content");
        var overlay = page.Locator(".mud-drawer-overlay");
        await page.GotoAsync("campaigns");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns" })).ToBeVisibleAsync();

        // Wide: open beside the page, folded away and back by the toggle; never an overlay.
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Templates" })).ToBeInViewportAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await Expect(content).ToHaveCSSAsync("margin-left", "0px");
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Templates" })).Not.ToBeInViewportAsync();
        await Expect(overlay).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Templates" })).ToBeInViewportAsync();

        // Narrow: hidden at first; the first toggle opens it over the page, the scrim or a link followed closes it.
        await page.SetViewportSizeAsync(600, 900);
        await page.GotoAsync("campaigns");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Campaigns" })).ToBeVisibleAsync();
        await Expect(drawer).ToBeHiddenAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "0px");
        await toggle.ClickAsync();
        await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Templates" })).ToBeInViewportAsync();
        await Expect(overlay).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "drawer-narrow-open");
        await overlay.ClickAsync(new() { Position = new() { X = 500, Y = 500 } });
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await Expect(overlay).ToBeHiddenAsync();

        await toggle.ClickAsync();
        await drawer.GetByRole(AriaRole.Link, new() { Name = "Templates" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "order_confirmation" })).ToBeVisibleAsync();
        await Expect(drawer).ToHaveClassAsync(new Regex("mud-drawer--closed"));
        await Expect(overlay).ToBeHiddenAsync();
        await DashboardFixture.ScreenshotAsync(page, "drawer-narrow-closed");
    }
}
