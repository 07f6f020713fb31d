using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>An Admin turns the vendor's status webhooks on from the API connection page, hands the address over, rotates and turns it off.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StatusWebhookTests(DashboardFixture fixture)
{
    private const string Delivered = """{"Type":"messageStatus","MessageKey":"C030200170205C476A3B882B2702FF","Status":"DELIVERED","Error":""}""";

    [Fact]
    public async Task AnAdminTurnsWebhooksOnRotatesTheSecretAndTurnsThemOff()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("admin/api");
        await Expect(page.GetByTestId("webhook-state")).ToHaveTextAsync("Off.");
        await Expect(page.GetByTestId("webhook-embedded")).ToContainTextAsync("The embedded API already pushes every change to open pages");

        await page.GetByTestId("webhook-on").ClickAsync();
        var shown = page.GetByTestId("webhook-address-value");
        await Expect(shown).ToHaveTextAsync(new Regex(@"^http://127\.0\.0\.1:\d+/webhooks/campaign-api\?secret=whs_[A-Za-z0-9_-]{43}$"));
        var first = (await shown.TextContentAsync())!;
        await Expect(page.GetByTestId("webhook-state")).ToHaveTextAsync(new Regex(@"^On since .+ \(secret whs_.{4}…\)\.$"));
        await DashboardFixture.ScreenshotAsync(page, "admin-api-webhook-on");

        var (status, body) = await PostAsync(first, Delivered);
        Assert.Equal((HttpStatusCode.OK, """{"Accepted":1,"Ignored":0}"""), (status, body));
        await page.GetByRole(AriaRole.Button, new() { Name = "I have stored it" }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("webhook-received")).ToHaveTextAsync(new Regex(@"^Last received .+: 1 status change since the dashboard started\.$"));

        await page.GetByTestId("webhook-rotate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rotate" }).ClickAsync();
        await Expect(shown).Not.ToHaveTextAsync(first);
        var second = (await shown.TextContentAsync())!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(first, Delivered)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, Delivered)).Status);

        await page.GetByTestId("webhook-off").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Turn off" }).ClickAsync();
        await Expect(page.GetByText("Status webhooks turned off.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("webhook-state")).ToHaveTextAsync("Off.");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(second, Delivered)).Status);

        await page.GotoAsync("audit");
        var audit = page.GetByTestId("audit-grid");
        await Expect(audit).ToContainTextAsync("Turned off status webhooks");
        await Expect(audit).ToContainTextAsync("Rotated webhook secret");
        await Expect(audit).ToContainTextAsync("Turned on status webhooks");
        await Expect(audit).Not.ToContainTextAsync(first[^40..]);
        await Expect(audit).Not.ToContainTextAsync(second[^40..]);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(string address, string json)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(address, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
