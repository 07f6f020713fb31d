using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace CampaignAdmin.E2E;

/// <summary>
/// One dashboard process and one browser for the whole suite; each test gets its own browser context, signed in as the role it
/// asks for (Admin by default). Each role signs in through the real sign-in page once; later contexts reuse its cookies.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private readonly ConcurrentDictionary<string, Task<string>> _sessions = new();

    public AppProcess App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var executable = BrowserLocator.Find();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // A busy 2-core runner (the app, Chromium and builds side by side) needs more than Playwright's 5 s for a redirect.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(10_000);
        var starting = AppProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync"],
        });
        App = await starting;
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// A page signed in as <paramref name="role"/> (Admin, Marketer or Viewer), its browser in <paramref name="timeZone"/> and
    /// speaking <paramref name="locale"/> (its Accept-Language: "ar" opens the dashboard in Arabic).
    /// </summary>
    public async Task<IPage> NewPageAsync(string role = TestUsers.Admin, string timeZone = "Asia/Riyadh", string locale = "en-GB")
    {
        var signingIn = _sessions.GetOrAdd(role, SignInOnceAsync);
        try
        {
            return await NewAnonymousPageAsync(await signingIn, timeZone, locale);
        }
        catch
        {
            _sessions.TryRemove(role, out _); // one failed sign-in must not fail every later test
            throw;
        }
    }

    /// <summary>A page with no session at all.</summary>
    public async Task<IPage> NewAnonymousPageAsync(string? storageState = null, string timeZone = "Asia/Riyadh", string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            TimezoneId = timeZone,
            Locale = locale,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Fills and submits the sign-in form.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
    }

    private async Task<string> SignInOnceAsync(string role)
    {
        if (role != TestUsers.Admin) await TestUsers.EnsureAsync(this, role);
        var (email, password) = TestUsers.Credentials(role);
        var page = await NewAnonymousPageAsync();
        await page.GotoAsync("account/sign-in");
        await SignInAsync(page, email, password);
        try
        {
            await Microsoft.Playwright.Assertions.Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        }
        catch
        {
            await ScreenshotAsync(page, $"sign-in-failed-{role}");
            throw;
        }
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        // A full-page capture on a busy 2-core machine can take a while; it is an artifact, so it may take longer than a step.
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true, Timeout = 60_000 });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.log"), App.Output);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
