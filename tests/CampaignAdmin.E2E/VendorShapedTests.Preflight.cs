using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>Issue 15.3: the builder's pre-flight check, against the Go-shaped double (a vendor's API, where a template can be paused under us).</summary>
public sealed partial class VendorShapedTests
{
    [Fact]
    public async Task APausedTemplateAndAnEmptyValueShowInThePreflightChecklistAndBlockCreate()
    {
        vendor.Use("Plain");
        var page = await SignedInAsync();
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync("Go preflight");
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        await page.GetByLabel("Row 1 Account ID").FillAsync("+966539078942");
        await page.GetByLabel("Row 1 Body {{1}}").FillAsync("John");
        await page.GetByLabel("Row 1 Body {{2}}").FillAsync("ORD-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync("+966539078944");
        await page.GetByLabel("Row 2 Body {{1}}").FillAsync("Sara");
        await page.GetByLabel("Row 2 Body {{1}}").PressAsync("Tab");
        // The create rules have nothing against it: an empty value and a template paused since the page loaded are the check's to find.
        await Expect(page.GetByTestId("create-campaign")).ToBeEnabledAsync();
        Vendor.Store.OrderConfirmationStatus = "PAUSED";

        await page.GetByTestId("preflight-run").ClickAsync();

        var items = page.GetByTestId("preflight-item");
        await Expect(items).ToHaveCountAsync(8);
        var template = page.Locator("[data-testid=preflight-item][data-id=template]");
        await Expect(template).ToHaveAttributeAsync("data-severity", "Blocking");
        await Expect(template.GetByTestId("preflight-detail")).ToHaveTextAsync("order_confirmation is PAUSED now, not APPROVED: WhatsApp refuses to send it.");
        var empty = page.Locator("[data-testid=preflight-item][data-id=empty-params]");
        await Expect(empty).ToHaveAttributeAsync("data-severity", "Blocking");
        await Expect(empty.GetByTestId("preflight-detail")).ToHaveTextAsync("WhatsApp refuses a message with an empty value: row 2 Body {{2}}.");
        await Expect(page.GetByTestId("preflight-summary")).ToHaveTextAsync("2 items stop the campaign; 0 warnings.");
        await Expect(page.GetByTestId("create-campaign")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("preflight-blocked")).ToHaveTextAsync(
            "The pre-flight check stops this campaign. order_confirmation is PAUSED now, not APPROVED: WhatsApp refuses to send it. "
            + "WhatsApp refuses a message with an empty value: row 2 Body {{2}}.");
        await page.GetByTestId("preflight-items").ScrollIntoViewIfNeededAsync();
        await DashboardFixture.ScreenshotAsync(page, "preflight-blocked");
        Assert.DoesNotContain(Vendor.Bodies, b => b.Path == "/v2/campaign/create");

        // Fixed (the value typed, the template approved again): Create checks again and sends.
        Vendor.Store.OrderConfirmationStatus = "APPROVED";
        await page.GetByLabel("Row 2 Body {{2}}").FillAsync("ORD-2");
        await page.GetByLabel("Row 2 Body {{2}}").PressAsync("Tab");
        await Expect(page.GetByTestId("preflight-stale")).ToBeVisibleAsync();
        var id = Vendor.Store.NextId;
        await page.GetByTestId("create-campaign").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/campaigns/{id}$"));
        Assert.Single(Vendor.Bodies, b => b.Path == "/v2/campaign/create");
        await page.Context.CloseAsync();
    }
}
