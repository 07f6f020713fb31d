using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// Remote mode, as deployed against the vendor: the standalone Campaign API in one process, and a dashboard in another that
/// hosts nothing and reaches it only over HTTP with <c>CampaignApi:BaseUrl</c> and <c>CampaignApi:ApiKey</c>.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RemoteModeTests(DashboardFixture fixture) : IAsyncLifetime
{
    private AppProcess _api = null!;
    private AppProcess _dashboard = null!;

    public async Task InitializeAsync()
    {
        _api = await AppProcess.StartApiAsync();
        _dashboard = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["CampaignApi__BaseUrl"] = _api.BaseUrl.ToString(),
            ["CampaignApi__ApiKey"] = SeedApi.DevelopmentKey,
        });
    }

    [Fact]
    public async Task TheDashboardBuildsSendsAndResendsThroughARemoteApi()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _dashboard.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await Expect(page.GetByTestId("api-status")).ToContainTextAsync($"{_api.BaseUrl} · answering");

        var name = SeedApi.UniqueName("Remote");
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(name);
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation");
        await page.GetByLabel("Row 1 Account ID").FillAsync("+966539070001"); // fails first (131049), succeeds when resent
        await page.GetByLabel("Row 1 {{1}}").FillAsync("Noura");
        await page.GetByLabel("Row 1 {{2}}").FillAsync("ORD-777");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync("+966539078942");
        await page.GetByLabel("Row 2 {{1}}").FillAsync("Fahad");
        await page.GetByLabel("Row 2 {{2}}").FillAsync("ORD-778");
        await Expect(page.GetByTestId("create-campaign")).ToBeEnabledAsync();
        await page.GetByTestId("create-campaign").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "+966539070001" });
        await Expect(row.Locator("[data-status='FAILED']")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Resend to +966539070001" }).ClickAsync();
        await Expect(row.Locator("[data-status='SUBMITTED'], [data-status='DELIVERED'], [data-status='READ']")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "remote-campaign-detail");

        // The campaign lives in the remote API's database; the dashboard kept none of its own.
        var id = int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = _api.BaseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", SeedApi.DevelopmentKey);
        var campaigns = await http.GetFromJsonAsync<JsonArray>("v2/campaign/getAll");
        var campaign = campaigns!.Single(c => c!["ID"]!.GetValue<int>() == id)!;
        Assert.Equal((name, 2), (campaign["Name"]!.GetValue<string>(), campaign["Total"]!.GetValue<int>()));
        Assert.False(File.Exists(Path.Combine(_dashboard.DataDirectory, "campaigns.db")));

        // The remote API's keys, as that API lists them: the dashboard's own among them.
        await page.GotoAsync("admin/api");
        await Expect(page.GetByTestId("api-address")).ToHaveTextAsync(_api.BaseUrl.ToString());
        await Expect(page.Locator("[data-testid=keys-table] tbody tr").Filter(new() { HasText = "this dashboard's key" })).ToContainTextAsync("ca_demo_de…");
        await context.CloseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
    }
}
