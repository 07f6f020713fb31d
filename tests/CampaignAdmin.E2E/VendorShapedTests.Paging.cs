using System.Net.Http.Json;
using CampaignAdmin.E2E.Vendor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

// Issue 9, point 2, in a real browser: against a server that knows only resultSize, the dashboard searches, filters and
// pages the lists itself and says so; with a window smaller than a campaign, it says the rest are not shown, and
// "Resend all failed" says what it covered.
public sealed partial class VendorShapedTests
{
    private const int Recipients = 1_200;

    /// <summary>A big campaign, created through the double's own create endpoint as any client would; its ID.</summary>
    private async Task<int> BigCampaignAsync()
    {
        using var http = new HttpClient { BaseAddress = Vendor.BaseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", GoShapedApi.Key);
        var clients = Enumerable.Range(0, Recipients).Select(i => new { AccountID = $"+9665391{i:D5}", Params = new[] { $"Name {i}", $"ORD-{i}" } });
        using var created = await http.PostAsJsonAsync("v2/campaign/create", new { Name = "Go big sale", TemplateName = "order_confirmation", Clients = clients });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["ID"]!.GetValue<int>();
    }

    // The status filters are native selects: an option is chosen by its exact label.
    private static SelectOptionValue Option(string label) => new() { Label = label };

    [Fact]
    public async Task TheDashboardSearchesFiltersAndPagesWhatTheApiDoesNot()
    {
        vendor.Use("Plain");
        var bigId = await BigCampaignAsync();
        var page = await SignedInAsync();

        // The list: every campaign once, a search and a status filter done here, and the notice that says so.
        await page.GotoAsync("campaigns");
        await Expect(page.GetByTestId("list-window")).ToHaveTextAsync("This API doesn't page or filter, so the dashboard does it over the 4 campaigns it returned.");
        var grid = page.GetByTestId("campaigns-grid");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(4);
        await page.GetByLabel("Search by name").FillAsync("holiday");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grid.Locator("tbody tr")).ToContainTextAsync("Go holiday greeting");
        await page.GetByLabel("Search by name").FillAsync("");
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(4);
        await page.GetByTestId("campaign-status-filter").SelectOptionAsync(Option("scheduled"));
        await Expect(grid.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(grid.Locator("tbody tr")).ToContainTextAsync("Go holiday greeting");
        await DashboardFixture.ScreenshotAsync(page, "vendor-list-filtered-here");

        // The big campaign: 1,200 messages paged here, to the last page and back, with a known total.
        await page.GotoAsync($"campaigns/{bigId}");
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
        // From the second page: a filter starts again at the first (its 6 rows would be past the end of page 2).
        await page.GotoAsync($"campaigns/{Vendor.Store.Orders.Id}");
        await page.GetByTestId("messages-grid").GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(page.GetByTestId("messages-grid")).ToContainTextAsync("26-30 of 30");
        await page.GetByTestId("message-status-filter").SelectOptionAsync(Option("FAILED"));
        await Expect(page.GetByTestId("messages-grid").Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("messages-grid").Locator("tbody tr [data-status='FAILED']")).ToHaveCountAsync(6);

        // What the dashboard learned, where an admin looks.
        await page.GotoAsync("admin/api");
        await Expect(page.GetByTestId("paging-messages")).ToHaveTextAsync("paged and filtered by the dashboard over the first 10,000 messages (the API sends no X-Total-Count)");
        await DashboardFixture.ScreenshotAsync(page, "vendor-api-connection");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AWindowSmallerThanTheCampaignSaysTheRestAreNotShownAndResendAllSaysWhatItChecked()
    {
        vendor.Use("Plain");
        var bigId = await BigCampaignAsync();
        await using var dashboard = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["CampaignApi__BaseUrl"] = Vendor.BaseUrl.ToString(),
            ["CampaignApi__ApiKey"] = GoShapedApi.Key,
            ["CampaignApi__WindowSize"] = "1000",
        });
        var page = await vendor.SignedInAsync(fixture.Browser, dashboard);

        await page.GotoAsync($"campaigns/{bigId}");

        await Expect(page.GetByTestId("list-window")).ToHaveTextAsync(
            "Showing the first 1,000 messages this API returns; it pages no further, so the rest are not shown here. " +
            "Exports and “Resend all failed” read the same window.");
        await Expect(page.GetByTestId("messages-grid")).ToContainTextAsync("1-25 of 1,000");
        await DashboardFixture.ScreenshotAsync(page, "vendor-window-full");

        await page.Context.CloseAsync();
    }
}
