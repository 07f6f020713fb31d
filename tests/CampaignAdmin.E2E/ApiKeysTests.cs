using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ApiKeysTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnAdminIssuesAKeyThatWorksThenRevokesItAndItStopsWorking()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("admin/api");
        var ownKey = page.Locator("[data-testid=keys-table] tbody tr").Filter(new() { HasText = "this dashboard's key" });
        await Expect(ownKey).ToHaveCountAsync(1);
        await Expect(ownKey.GetByRole(AriaRole.Button)).ToHaveCountAsync(0); // the dashboard's own key cannot be revoked here

        await page.GetByTestId("issue-key").ClickAsync();
        var shown = page.GetByTestId("issued-key-value");
        await Expect(shown).ToHaveTextAsync(new Regex("^ca_[A-Za-z0-9_-]{43}$"));
        var key = (await shown.TextContentAsync())!;
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(key));
        await DashboardFixture.ScreenshotAsync(page, "admin-api-key-issued");

        await page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke key {key[..10]}…" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();

        await Expect(page.Locator($"[data-key='{key[..10]}']")).ToContainTextAsync("Revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(key));
        await Expect(page.GetByText($"Key {key[..10]}… revoked.")).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, "admin-api-key-revoked");

        await page.GotoAsync("audit");
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("Revoked API key");
        await Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("Issued API key");
        await Expect(page.GetByTestId("audit-grid")).Not.ToContainTextAsync(key);
    }

    private async Task<HttpStatusCode> StatusWithAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseUrl };
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        using var response = await http.GetAsync("v2/campaign/getAll");
        return response.StatusCode;
    }
}
