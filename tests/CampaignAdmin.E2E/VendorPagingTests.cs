using System.Net.Http.Json;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// Issue 9, point 2, in a real browser: against a server that knows only <c>resultSize</c> (<see cref="GoShapedApi"/>),
/// the dashboard searches, filters and pages the lists itself and says so; with a window smaller than the campaign, it
/// says the rest are not shown, and "Resend all failed" says what it covered.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class VendorPagingTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const int Recipients = 1_200;
    private GoShapedApi _vendor = null!;
    private int _bigId;

    public async Task InitializeAsync()
    {
        _vendor = await GoShapedApi.StartAsync();
        // A big campaign, created through the double's own create endpoint as any client would.
        using var http = new HttpClient { BaseAddress = _vendor.BaseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", GoShapedApi.Key);
        var clients = Enumerable.Range(0, Recipients).Select(i => new { AccountID = $"+9665391{i:D5}", Params = new[] { $"Name {i}", $"ORD-{i}" } });
        using var created = await http.PostAsJsonAsync("v2/campaign/create", new { Name = "Go big sale", TemplateName = "order_confirmation", Clients = clients });
        created.EnsureSuccessStatusCode();
        _bigId = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["ID"]!.GetValue<int>();
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

    private Task<AppProcess> DashboardAsync(int? windowSize = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["CampaignApi__BaseUrl"] = _vendor.BaseUrl.ToString(),
            ["CampaignApi__ApiKey"] = GoShapedApi.Key,
        };
        if (windowSize is { } size) settings["CampaignApi__WindowSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return AppProcess.StartAsync(settings);
    }

    private static ILocator Option(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{text}$") });

    private int Calls(string path) { lock (_vendor.Requests) return _vendor.Requests.Count(r => r.StartsWith(path, StringComparison.Ordinal)); }

    [Fact]
    public async Task TheDashboardSearchesFiltersAndPagesWhatTheApiDoesNot()
    {
        await using var dashboard = await DashboardAsync();
        var page = await SignedInAsync(dashboard);

        // The list: every campaign once, a search and a status filter done here, and the notice that says so.
        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("list-window")).ToHaveTextAsync("This API doesn't page or filter, so the dashboard does it over the 3 campaigns it returned.");
        var grid = page.GetByTestId("campaigns-grid");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(3);
        await page.GetByLabel("Search by name").FillAsync("holiday");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grid.Locator("tbody tr")).ToContainTextAsync("Go holiday greeting");
        await page.GetByLabel("Search by name").FillAsync("");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(3);
        await page.GetByTestId("campaign-status-filter").ClickAsync();
        await Option(page, "scheduled").ClickAsync();
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grid.Locator("tbody tr")).ToContainTextAsync("Go holiday greeting");
        await DashboardFixture.ScreenshotAsync(page, "vendor-list-filtered-here");

        // The big campaign: 1,200 messages paged here, to the last page and back, with a known total.
        await page.GotoAsync($"campaigns/{_bigId}");
        var messages = page.GetByTestId("messages-grid");
        await Expect(page.GetByTestId("list-window")).ToContainTextAsync($"over the {Recipients:N0} messages it returned");
        await Expect(messages).ToContainTextAsync($"1-25 of {Recipients:N0}");
        await messages.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(messages).ToContainTextAsync($"26-50 of {Recipients:N0}");
        await Expect(messages.Locator("tbody tr").First).ToContainTextAsync("+966539100025");
        await messages.GetByRole(AriaRole.Button, new() { Name = "Last page" }).ClickAsync();
        await Expect(messages).ToContainTextAsync($"1,176-{Recipients:N0} of {Recipients:N0}");
        await Expect(messages.Locator("tbody tr").Last).ToContainTextAsync($"+9665391{Recipients - 1:D5}");
        await DashboardFixture.ScreenshotAsync(page, "vendor-messages-last-page");

        // The small campaign's status filter: the vendor's "failed" and "FAILED" alike, nothing else.
        await page.GotoAsync("campaigns/1");
        await page.GetByTestId("message-status-filter").ClickAsync();
        await Option(page, "FAILED").ClickAsync();
        await Expect(page.GetByTestId("messages-grid").Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("messages-grid").Locator("tbody tr [data-status='FAILED']")).ToHaveCountAsync(2);

        // What the dashboard learned, where an admin looks.
        await page.GotoAsync("admin/api");
        await Expect(page.GetByTestId("paging-messages")).ToHaveTextAsync("paged and filtered by the dashboard over the first 10,000 messages (the API sends no X-Total-Count)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWindowSmallerThanTheCampaignSaysTheRestAreNotShownAndResendAllSaysWhatItChecked()
    {
        await using var dashboard = await DashboardAsync(windowSize: 1_000);
        var page = await SignedInAsync(dashboard);

        await page.GotoAsync($"campaigns/{_bigId}");

        await Expect(page.GetByTestId("list-window")).ToHaveTextAsync(
            "Showing the first 1,000 messages this API returns; it pages no further, so the rest are not shown here. " +
            "Exports and “Resend all failed” read the same window.");
        await Expect(page.GetByTestId("messages-grid")).ToContainTextAsync("1-25 of 1,000");
        await DashboardFixture.ScreenshotAsync(page, "vendor-window-full");

        // Resend all on the small campaign finishes, in few calls, and says it read the whole (short) list at once.
        await page.GotoAsync("campaigns/1");
        var before = Calls("/v2/campaign/getCampMsgs");
        await page.GetByTestId("resend-all").ClickAsync();
        await page.GetByTestId("resend-all-confirm").ClickAsync();
        await Expect(page.GetByTestId("resend-all-summary")).ToContainTextAsync("Checked all 30 messages this API returned (it doesn't page, so the dashboard read them at once).");
        Assert.InRange(Calls("/v2/campaign/getCampMsgs") - before, 1, 6); // the window for the plan, and the grid's reloads
        await page.Context.CloseAsync();
    }

    public async Task DisposeAsync() => await _vendor.DisposeAsync();
}
