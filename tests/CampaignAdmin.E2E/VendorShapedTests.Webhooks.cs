using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

public sealed partial class VendorShapedTests
{
    /// <summary>
    /// The vendor's messageStatus webhook, end to end: an Admin turns webhooks on in the dashboard, the "vendor" is given the
    /// address, a READ receipt arrives at the vendor, and an open campaign page shows it without a reload.
    /// </summary>
    [Fact]
    public async Task WithWebhooksOnAVendorsReadReceiptShowsOnAnOpenCampaignPage()
    {
        vendor.Use("Plain");
        var page = await SignedInAsync();
        await page.GotoAsync("admin/api");
        await page.GetByTestId("webhook-on").ClickAsync();
        var address = page.GetByTestId("webhook-address-value");
        await Expect(address).ToHaveTextAsync(new Regex(@"/webhooks/campaign-api\?secret=whs_"));
        Vendor.WebhookUrl = await address.TextContentAsync();
        try
        {
            await page.GotoAsync($"campaigns/{Vendor.Store.Spring.Id}");
            await Expect(page.GetByTestId("live-state")).ToHaveTextAsync("Live: changes appear as they happen.");
            var delivered = page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539074002" });
            await Expect(delivered.Locator("[data-status='DELIVERED']")).ToBeVisibleAsync();

            var clock = Stopwatch.StartNew();
            var answer = await Vendor.ReceiptAsync(Vendor.Store.Spring.Messages.Single(m => m.AccountId == "+966539074002"), "READ");
            await Expect(delivered.Locator("[data-status='READ']")).ToBeVisibleAsync();
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, answer);
            Console.WriteLine($"vendor webhook → row shows READ: {clock.ElapsedMilliseconds} ms");
            await DashboardFixture.ScreenshotAsync(page, "vendor-campaign-detail-webhook");
        }
        finally
        {
            Vendor.WebhookUrl = null;
            await page.GotoAsync("admin/api");
            await page.GetByTestId("webhook-off").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
            await Expect(page.GetByTestId("webhook-state")).ToHaveTextAsync("Off: open pages poll the API for message statuses.");
            await page.Context.CloseAsync();
        }
    }
}
