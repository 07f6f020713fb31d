using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// The whole product with <c>Messaging__Provider=WhatsAppCloud</c> against the fake Graph API on loopback: a campaign built
/// on the dashboard is sent through it, Meta's signed status webhooks come back to <c>/webhooks/whatsapp</c>, and the
/// campaign page shows each message move on (and an undeliverable number explained).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class WhatsAppCloudTests(DashboardFixture fixture)
{
    private const string AppSecret = "e2e-app-secret-5d1f";
    private const string BusinessAccountId = "102290129340398";
    private const string Template = "e2e_order_shipped";
    private const string Reached = "+966539078942", NotOnWhatsApp = "+966539078944";

    [Fact]
    public async Task ACampaignSentThroughTheCloudApiShowsSubmittedDeliveredReadAndAnUndeliverableNumberExplained()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate(Template, "en_US", "APPROVED", "UTILITY",
            "Hello {{1}}, your order {{2}} has shipped.", "Sara", "ORD-1001"));
        graph.MetaTemplates.Enqueue(FakeGraphApi.MetaTemplate("e2e_still_pending", "en_US", "PENDING", "MARKETING", "Not offered yet."));
        graph.Script(Digits(NotOnWhatsApp), GraphAnswerScript.Fail(400, 131026, "(#131026) Message undeliverable", "The recipient is not on WhatsApp"));
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Messaging__Provider"] = "WhatsAppCloud",
            ["WhatsAppCloud__BaseUrl"] = graph.BaseUrl,
            ["WhatsAppCloud__ApiVersion"] = FakeGraphApi.Version,
            ["WhatsAppCloud__PhoneNumberId"] = FakeGraphApi.PhoneNumberId,
            ["WhatsAppCloud__BusinessAccountId"] = BusinessAccountId,
            ["WhatsAppCloud__AccessToken"] = "EAAGe2eAccessToken0123456789",
            ["WhatsAppCloud__AppSecret"] = AppSecret,
            ["WhatsAppCloud__VerifyToken"] = "e2e-verify-token",
        });
        var page = await SignedInAsync(app);

        var name = SeedApi.UniqueName("Shipped via Cloud API");
        await page.GotoAsync("campaigns/new");
        await page.GetByLabel("Campaign name").FillAsync(name);
        await CampaignBuilderTests.PickTemplateAsync(page, Template);
        await Expect(page.GetByLabel("Message")).ToHaveValueAsync("Hello {{1}}, your order {{2}} has shipped.");
        await page.GetByLabel("Row 1 Account ID").FillAsync(Reached);
        await page.GetByLabel("Row 1 {{1}}").FillAsync("John");
        await page.GetByLabel("Row 1 {{2}}").FillAsync("ORD-2001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add row" }).ClickAsync();
        await page.GetByLabel("Row 2 Account ID").FillAsync(NotOnWhatsApp);
        await page.GetByLabel("Row 2 {{1}}").FillAsync("Sara");
        await page.GetByLabel("Row 2 {{2}}").FillAsync("ORD-2002");
        await page.GetByLabel("Row 1 {{1}}").FocusAsync();
        await Expect(page.GetByTestId("preview-body")).ToHaveTextAsync("Hello John, your order ORD-2001 has shipped.");
        var create = page.GetByTestId("create-campaign");
        await Expect(create).ToBeEnabledAsync();
        await create.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync(name);
        // Real messages go out from here: the app bar never calls this API a sandbox.
        await Expect(page.GetByTestId("api-status")).ToContainTextAsync("Embedded API · WhatsApp Cloud · answering");
        var reached = Row(page, Reached);
        var undeliverable = Row(page, NotOnWhatsApp);
        // The fake answered with a wamid: handed to Meta, nothing more known yet.
        await Expect(reached.Locator("[data-status]")).ToHaveTextAsync("SUBMITTED");
        await Expect(undeliverable.Locator("[data-status]")).ToHaveTextAsync("FAILED");
        await Expect(undeliverable.Locator("p")).ToHaveTextAsync("131026 (#131026) Message undeliverable: The recipient is not on WhatsApp");
        await Expect(undeliverable.GetByTestId("error-explanation")).ToHaveTextAsync(
            "Undeliverable: the number is not on WhatsApp, has not accepted the latest terms, or uses an old app version.");

        // What went to Meta: our message key as the callback data, the number without its +.
        var sent = Assert.Single(graph.Sends, s => s.To == Digits(Reached));
        var key = JsonDocument.Parse(sent.Body).RootElement.GetProperty("biz_opaque_callback_data").GetString()!;
        var wamid = graph.Wamids[Digits(Reached)];

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(app, Statuses(Status(wamid, "delivered", key, Reached)), signed: true)).Status);
        await Expect(reached.Locator("[data-status]")).ToHaveTextAsync("DELIVERED");

        // Unsigned: refused before anything is read or kept; the page, reloaded, still says DELIVERED.
        var unsigned = await DeliverAsync(app, Statuses(Status(wamid, "read", key, Reached)), signed: false);
        Assert.Equal((HttpStatusCode.Unauthorized, "invalid signature"), unsigned);
        await page.ReloadAsync();
        await Expect(reached.Locator("[data-status]")).ToHaveTextAsync("DELIVERED");

        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(app, Statuses(Status(wamid, "read", key, Reached)), signed: true)).Status);
        await Expect(reached.Locator("[data-status]")).ToHaveTextAsync("READ");
        await Expect(reached.Locator("p")).ToHaveCountAsync(0);
        await Expect(undeliverable.Locator("[data-status]")).ToHaveTextAsync("FAILED");
        await DashboardFixture.ScreenshotAsync(page, "whatsapp-cloud-campaign");
        Assert.Equal(2, graph.Sends.Count);
    }

    private static ILocator Row(IPage page, string accountId) =>
        page.GetByTestId("messages-grid").GetByRole(AriaRole.Row).Filter(new() { HasText = accountId });

    private static string Digits(string accountId) => accountId.TrimStart('+');

    /// <summary>A status of one message, as Meta sends it in <c>value.statuses[]</c>.</summary>
    private static object Status(string wamid, string status, string key, string accountId) => new Dictionary<string, object?>
    {
        ["id"] = wamid,
        ["status"] = status,
        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["recipient_id"] = Digits(accountId),
        ["biz_opaque_callback_data"] = key,
        ["pricing"] = new { billable = true, pricing_model = "PMP", category = "utility" },
    };

    /// <summary>One delivery of statuses, in the shape of Meta's <c>messages</c> webhook.</summary>
    private static string Statuses(params object[] statuses) => JsonSerializer.Serialize(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = BusinessAccountId,
                changes = new[]
                {
                    new
                    {
                        value = new Dictionary<string, object?>
                        {
                            ["messaging_product"] = "whatsapp",
                            ["metadata"] = new { display_phone_number = "15550783881", phone_number_id = FakeGraphApi.PhoneNumberId },
                            ["statuses"] = statuses,
                        },
                        field = "messages",
                    },
                },
            },
        },
    });

    /// <summary>POSTs <paramref name="json"/> to the app's <c>/webhooks/whatsapp</c>, with Meta's signature or none.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> DeliverAsync(AppProcess app, string json, bool signed)
    {
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/whatsapp") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (signed) request.Headers.TryAddWithoutValidation(WebhookSigner.Header, WebhookSigner.Sign(AppSecret, json));
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<IPage> SignedInAsync(AppProcess app)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1440, Height = 1000 }, TimezoneId = "Asia/Riyadh", Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/sign-in");
        await DashboardFixture.SignInAsync(page, AppProcess.AdminEmail, AppProcess.AdminPassword);
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        return page;
    }
}
