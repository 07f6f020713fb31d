using System.Text.RegularExpressions;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// Issue 9: remote mode against a server shaped like the vendor's Go service (<see cref="GoShapedApi"/>), in a real
/// browser: every page reads its answers without breaking, its words are mapped, and a refused key is said, not hidden.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class VendorShapedTests(DashboardFixture fixture) : IAsyncLifetime
{
    private GoShapedApi _vendor = null!;
    private AppProcess _dashboard = null!;

    public async Task InitializeAsync()
    {
        _vendor = await GoShapedApi.StartAsync();
        _dashboard = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["CampaignApi__BaseUrl"] = _vendor.BaseUrl.ToString(),
            ["CampaignApi__ApiKey"] = GoShapedApi.Key,
        });
    }

    private async Task<IPage> SignedInAsync(AppProcess dashboard)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = dashboard.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        return page;
    }

    [Fact]
    public async Task ListOpenTemplatesAndResendWorkAgainstAGoShapedServer()
    {
        var page = await SignedInAsync(_dashboard);

        // The list: its own words mapped (PROCESSING is sending), a time without an offset read as UTC (09:00 UTC = 12:00 Riyadh).
        await page.GotoAsync("campaigns");
        var orders = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go order confirmations" });
        await Expect(orders.Locator("[data-state=Sending]")).ToHaveTextAsync("sending");
        var holiday = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Go holiday greeting" });
        await Expect(holiday).ToContainTextAsync("1 Jan 2030, 12:00");
        await DashboardFixture.ScreenshotAsync(page, "vendor-campaigns");

        // The campaign: a message with Params null and one without a MessageKey are rows like any other; no circuit dies.
        await orders.GetByRole(AriaRole.Link, new() { Name = "Go order confirmations", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/1$"));
        var nilParams = page.GetByRole(AriaRole.Row).Filter(new() { HasText = GoShapedStore.NilParamsNumber });
        await Expect(nilParams.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        var noKey = page.GetByRole(AriaRole.Row).Filter(new() { HasText = GoShapedStore.NoKeyNumber });
        await Expect(noKey).ToContainTextAsync("can't be resent: the API gave no message key");
        await Expect(noKey.GetByRole(AriaRole.Button, new() { Name = $"Resend to {GoShapedStore.NoKeyNumber}" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("stat-read")).ToContainTextAsync("—");
        await Expect(page.GetByText("Something went wrong")).ToBeHiddenAsync(); // Blazor's error bar: shown only when a circuit dies

        // Resend the keyed failure: the vendor answers "sent", shown as SUBMITTED, in place.
        await nilParams.GetByRole(AriaRole.Button, new() { Name = $"Resend to {GoShapedStore.NilParamsNumber}" }).ClickAsync();
        await Expect(nilParams.Locator("[data-status='SUBMITTED']")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "vendor-campaign-detail");

        // Templates with a struct Compose and an array Example load and preview; no raw JSON anywhere.
        await page.GotoAsync("templates");
        await Expect(page.GetByTestId("template-card")).ToHaveCountAsync(2);
        await Expect(page.GetByText("Could not load")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("\"Compose\"");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ARefusedKeyIsSaidOnTheListWithTheSettingToCheck()
    {
        await using var refused = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["CampaignApi__BaseUrl"] = _vendor.BaseUrl.ToString(),
            ["CampaignApi__ApiKey"] = "not-the-vendors-key",
        });
        var page = await SignedInAsync(refused);

        await page.GotoAsync("campaigns");

        await Expect(page.GetByTestId("campaigns-error")).ToHaveTextAsync("The Campaign API refused the dashboard's API key (401). Check CampaignApi:ApiKey.");
        await Expect(page.GetByText("No campaigns yet.")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("api-status")).ToContainTextAsync("refuses the API key");
        await DashboardFixture.ScreenshotAsync(page, "vendor-refused-key");
        await page.Context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        await _vendor.DisposeAsync();
    }
}
