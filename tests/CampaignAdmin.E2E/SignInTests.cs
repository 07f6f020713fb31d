using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("")]
    [InlineData("campaigns")]
    [InlineData("campaigns/new")]
    [InlineData("campaigns/1")]
    [InlineData("templates")]
    [InlineData("audit")]
    [InlineData("admin/users")]
    [InlineData("admin/api")]
    public async Task ASignedOutVisitLandsOnTheSignInPage(string path)
    {
        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync(path);
        await Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCircuitHubRefusesARequestWithoutASession()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseUrl };
        using var negotiate = await http.PostAsync("_blazor/negotiate?negotiateVersion=1", null);
        // A challenge: 401 for SignalR's negotiate, never the hub's answer.
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        // The embedded API keeps its own X-API-Key authentication: no cookie, no redirect.
        using var api = await http.GetAsync("v2/campaign/getAll");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task SigningInReturnsToTheRequestedPageAndSigningOutEndsTheSession()
    {
        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync("templates");
        await DashboardFixture.ScreenshotAsync(page, "sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, "not the password");
        await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("Wrong email or password.");
        await DashboardFixture.ScreenshotAsync(page, "sign-in-wrong-password");

        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/templates$"));
        await Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync($"{AppProcess.AdminEmail} · Admin");

        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-out$"));
        // The sign-out page is server-rendered: leaving the interactive app for it is a full page load. Capture it
        // once that load is over, not while the old page is being torn down.
        await Expect(page.GetByTestId("sign-out-confirm")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await DashboardFixture.ScreenshotAsync(page, "sign-out");
        await page.GetByTestId("sign-out-confirm").ClickAsync();
        await Expect(page.GetByTestId("signed-out")).ToHaveTextAsync("You have signed out.");

        await page.GotoAsync("campaigns");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var email = $"lockout-{Guid.NewGuid().ToString("N")[..8]}@e2e.test";
        var admin = await fixture.NewPageAsync();
        await admin.GotoAsync("admin/users");
        await TestUsers.CreateUserAsync(admin, email, TestUsers.Password, TestUsers.Marketer);

        var page = await fixture.NewAnonymousPageAsync();
        await page.GotoAsync("account/sign-in");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await DashboardFixture.SignInAsync(page, email, $"wrong-{attempt}");
            await Expect(page.GetByTestId("sign-in-error")).ToHaveTextAsync("Wrong email or password.");
        }
        await DashboardFixture.SignInAsync(page, email, "wrong-5");
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("locked after too many failed sign-ins");
        await DashboardFixture.SignInAsync(page, email, TestUsers.Password);
        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("locked after too many failed sign-ins");
        await DashboardFixture.ScreenshotAsync(page, "sign-in-locked");

        await admin.ReloadAsync();
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row.GetByTestId("user-status")).ToContainTextAsync("Locked until");
        await admin.GotoAsync("audit");
        await Expect(admin.GetByTestId("audit-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = email }).Filter(new() { HasText = "Locked out" }))
            .ToHaveCountAsync(2); // the fifth wrong password, then the right one while locked
        await page.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
