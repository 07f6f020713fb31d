using Microsoft.Playwright;

namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// One Go-shaped double and one dashboard in remote mode against it, for every shape: a test picks its shape with
/// <see cref="UseAsync"/> (a fresh store; nothing the dashboard keeps depends on the API's spelling). A second dashboard
/// with a key the double refuses starts the first time a test asks for it.
/// </summary>
public sealed class GoVendorFixture : IAsyncLifetime
{
    private readonly Dictionary<AppProcess, string> _sessions = [];
    private Task<AppProcess>? _refused;

    public GoShapedApi Vendor { get; private set; } = null!;

    public AppProcess Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vendor = await GoShapedApi.StartAsync();
        Dashboard = await StartDashboardAsync(GoShapedApi.Key);
    }

    /// <summary>The double answers in <paramref name="shape"/> from its first data on.</summary>
    public GoShape Use(string shape)
    {
        var chosen = GoShape.Named(shape);
        Vendor.Use(chosen);
        return chosen;
    }

    /// <summary>The dashboard whose CampaignApi:ApiKey the double refuses.</summary>
    public Task<AppProcess> RefusedAsync() => _refused ??= StartDashboardAsync("not-the-vendors-key");

    /// <summary>A page on <paramref name="dashboard"/> signed in as the first-run admin (through the sign-in page once per dashboard).</summary>
    public async Task<IPage> SignedInAsync(IBrowser browser, AppProcess dashboard)
    {
        var page = await NewPageAsync(browser, dashboard, _sessions.GetValueOrDefault(dashboard));
        if (_sessions.ContainsKey(dashboard)) return page;
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        _sessions[dashboard] = await page.Context.StorageStateAsync();
        return page;
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, AppProcess dashboard, string? storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = dashboard.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private Task<AppProcess> StartDashboardAsync(string key) => AppProcess.StartAsync(new Dictionary<string, string>
    {
        ["CampaignApi__BaseUrl"] = Vendor.BaseUrl.ToString(),
        ["CampaignApi__ApiKey"] = key,
    });

    public async Task DisposeAsync()
    {
        if (_refused is not null) await (await _refused).DisposeAsync();
        if (Dashboard is not null) await Dashboard.DisposeAsync();
        if (Vendor is not null) await Vendor.DisposeAsync();
    }
}
