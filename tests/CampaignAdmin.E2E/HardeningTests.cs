using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class HardeningTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("account/sign-in")]
    [InlineData("campaigns")]
    public async Task DashboardResponsesCarryTheSecurityHeaders(string path)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseUrl };
        using var response = await http.GetAsync(path);
        var csp = string.Join("", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join("", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSiteStrict()
    {
        var page = await fixture.NewPageAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "CampaignAdmin.Session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NoPageBreaksTheContentSecurityPolicy()
    {
        var id = await SeedApi.CreateAsync(fixture.App.BaseUrl, SeedApi.UniqueName("CSP demo"), ["+966539070001", "+966539078942"]);
        var page = await fixture.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) => problems.Add($"{page.Url}: {error}");

        foreach (var (path, ready) in new[]
                 {
                     ("campaigns", "Campaigns"), ("campaigns/new", "New campaign"), ($"campaigns/{id}", "Messages"),
                     ("templates", "Templates"), ("audit", "Audit log"), ("admin/users", "Users"), ("admin/api", "API connection and keys"),
                 })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ready, Exact = true }).First).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(300);
        }
        await page.GotoAsync("templates");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();

        var anonymous = await fixture.NewAnonymousPageAsync();
        anonymous.Console += (_, message) => { if (message.Type == "error") problems.Add($"sign-in: {message.Text}"); };
        await anonymous.GotoAsync("account/sign-in");
        await Expect(anonymous.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await anonymous.WaitForTimeoutAsync(300);

        Assert.Empty(problems);
        await page.Context.CloseAsync();
        await anonymous.Context.CloseAsync();
    }
}
