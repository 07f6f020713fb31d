using CampaignAdmin.E2E;
using Microsoft.Playwright;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// The product (<c>CampaignAdmin.Web</c>, embedded API, temp SQLite, demo data) as a child process, and one headless
/// Chromium signed in as the first-run admin. Figures measured through it are what a user's browser sees end to end.
/// </summary>
internal sealed class DashboardBench : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly string _storageState;

    private DashboardBench(AppProcess app, IPlaywright playwright, IBrowser browser, string storageState)
    {
        App = app;
        _playwright = playwright;
        Browser = browser;
        _storageState = storageState;
    }

    public AppProcess App { get; }

    public IBrowser Browser { get; }

    /// <param name="settings">Environment variables for the product, added to or replacing the E2E defaults.</param>
    public static async Task<DashboardBench> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var executable = BrowserLocator.Find();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var starting = AppProcess.StartAsync(settings);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync"],
        });
        var app = await starting;
        Report.Note($"dashboard listening on {app.BaseUrl} (process {app.ProcessId}, data in {app.DataDirectory})");
        var storageState = await SignInAsync(browser, app.BaseUrl);
        return new DashboardBench(app, playwright, browser, storageState);
    }

    /// <summary>A new browser context, signed in as the admin, on <paramref name="path"/> once its circuit is up.</summary>
    public async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync(Browser, App.BaseUrl, _storageState);
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-testid=signed-in-as]') !== null");
        return page;
    }

    /// <summary>The product's resident memory (VmRSS) and its peak (VmHWM), in KiB, from /proc.</summary>
    public (long RssKb, long PeakKb) ServerMemory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{App.ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kb(line);
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peak = Kb(line);
        }
        return (rss, peak);

        static long Kb(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<IPage> NewPageAsync(IBrowser browser, Uri baseUrl, string? storageState)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Locale = "en-GB",
            TimezoneId = "Asia/Riyadh",
            StorageState = storageState,
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    private static async Task<string> SignInAsync(IBrowser browser, Uri baseUrl)
    {
        var page = await NewPageAsync(browser, baseUrl, null);
        await page.GotoAsync("account/sign-in");
        await page.GetByLabel("Email").FillAsync(AppProcess.AdminEmail);
        await page.GetByLabel("Password").FillAsync(AppProcess.AdminPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
