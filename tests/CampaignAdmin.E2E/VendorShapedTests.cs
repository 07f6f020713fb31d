using System.Text.RegularExpressions;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// Issue 9: remote mode against a server shaped like the vendor's Go service (<see cref="GoShapedApi"/>), in each of its
/// shapes (<see cref="GoShape"/>), in a real browser: every page reads its answers without breaking, its words are mapped,
/// a refused key is said, not hidden, and what the dashboard sends is what the vendor's structs expect. The actions
/// (build, edit, delete, resend all, export) are in VendorShapedTests.Actions.cs.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class VendorShapedTests(DashboardFixture fixture, GoVendorFixture vendor) : IClassFixture<GoVendorFixture>
{
    private GoShapedApi Vendor => vendor.Vendor;

    private Task<IPage> SignedInAsync() => vendor.SignedInAsync(fixture.Browser, vendor.Dashboard);

    [Theory]
    [InlineData("Plain")]
    [InlineData("JsonErrors")]
    [InlineData("CamelCase")]
    [InlineData("Numbers")]
    public async Task ListOpenTemplatesAndResendWorkAgainstAGoShapedServer(string shape)
    {
        vendor.Use(shape);
        var page = await SignedInAsync();
        var id = Vendor.Store.Orders.Id;

        // The list: its own words mapped (PROCESSING is sending), a time without an offset read as UTC (09:00 UTC = 12:00 Riyadh).
        await page.GotoAsync("campaigns");
        var orders = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go order confirmations" });
        await Expect(orders.Locator("[data-state=Sending]")).ToHaveTextAsync("sending");
        var spring = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go spring sale" });
        await Expect(spring.Locator("[data-state=Completed]")).ToHaveTextAsync("completed");
        var holiday = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go holiday greeting" });
        await Expect(holiday).ToContainTextAsync("1 Jan 2030, 12:00");
        await DashboardFixture.ScreenshotAsync(page, $"vendor-{shape}-campaigns");

        // The campaign: a message with Params null and one without a MessageKey are rows like any other; no circuit dies.
        await orders.GetByRole(AriaRole.Link, new() { Name = "Go order confirmations", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/campaigns/{id}$"));
        // Rows of the messages grid (the campaign's history below names numbers too).
        var messages = page.GetByTestId("messages-grid").GetByRole(AriaRole.Row);
        var nilParams = messages.Filter(new() { HasText = GoShapedStore.NilParamsNumber });
        await Expect(nilParams.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        await Expect(nilParams).ToContainTextAsync("131049");
        var noKey = messages.Filter(new() { HasText = GoShapedStore.NoKeyNumber });
        await Expect(noKey).ToContainTextAsync("can't be resent: the API gave no message key");
        await Expect(noKey.GetByRole(AriaRole.Button, new() { Name = $"Resend to {GoShapedStore.NoKeyNumber}" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("stat-read")).ToContainTextAsync("—");
        await Expect(page.GetByTestId("resend-all")).ToHaveTextAsync("Resend all failed (6)");
        await Expect(page.GetByText("Something went wrong")).ToBeHiddenAsync(); // Blazor's error bar: shown only when a circuit dies
        await DashboardFixture.ScreenshotAsync(page, $"vendor-{shape}-campaign-detail");

        // Resend a keyed failure: the vendor answers "sent", shown as SUBMITTED, in place. On a finished campaign: a sending
        // one's page rebuilds every row each 2 s (live refresh), and a click landing on a row being replaced is lost.
        await page.GotoAsync($"campaigns/{Vendor.Store.Spring.Id}");
        var failed = messages.Filter(new() { HasText = GoShapedStore.SpringFailedNumber });
        await failed.GetByRole(AriaRole.Button, new() { Name = $"Resend to {GoShapedStore.SpringFailedNumber}" }).ClickAsync();
        await Expect(failed.Locator("[data-status='SUBMITTED']")).ToBeVisibleAsync();
        await Expect(page.GetByText($"Resent to {GoShapedStore.SpringFailedNumber}: SUBMITTED.")).ToBeVisibleAsync();

        // Templates with a struct (or string) Compose and an array Example load and preview; no raw JSON anywhere.
        await page.GotoAsync("templates");
        await Expect(page.GetByTestId("template-card")).ToHaveCountAsync(2);
        await Expect(page.GetByText("Could not load")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync(new Regex("\"(Compose|compose|to)\""));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Plain")]
    [InlineData("JsonErrors")]
    public async Task ARefusedKeyIsSaidOnTheListWithTheSettingToCheck(string shape)
    {
        vendor.Use(shape);
        var page = await vendor.SignedInAsync(fixture.Browser, await vendor.RefusedAsync());

        await page.GotoAsync("campaigns");

        await Expect(page.GetByTestId("campaigns-error")).ToHaveTextAsync("The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.");
        await Expect(page.GetByText("No campaigns yet.")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("api-status")).ToContainTextAsync("refuses the API key");
        Assert.Contains(Vendor.Requests, r => r.StartsWith("/v2/campaign/getAll", StringComparison.Ordinal));
        await DashboardFixture.ScreenshotAsync(page, $"vendor-{shape}-refused-key");
        await page.Context.CloseAsync();
    }
}

/// <summary>Issue 11: the vendor pushes nothing (no webhooks here), so its pages poll with back-off and say so.</summary>
public sealed partial class VendorShapedTests
{
    [Fact]
    public async Task WithoutPushTheListAndACampaignPageSayHowOftenTheyRefresh()
    {
        vendor.Use("Plain");
        var page = await SignedInAsync();
        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync(new Regex(@"Refreshing every \d+ s: this Campaign API sends no live updates\."));

        await page.GotoAsync($"campaigns/{Vendor.Store.Orders.Id}");
        // Reading one campaign reads the vendor's whole list: its polling starts at 5 s and backs off from there.
        await Expect(page.GetByTestId("live-state")).ToHaveTextAsync(new Regex(@"Refreshing every (5|10|20|30) s: this Campaign API sends no live updates\."));
        await Expect(page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = GoShapedStore.NilParamsNumber })).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "vendor-campaign-detail-polling");
        await page.Context.CloseAsync();
    }
}
