using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampaignAdmin.E2E;

/// <summary>
/// The main flow in English and in Arabic, as a browser speaking each opens it: build a campaign, create it, see it sent,
/// find it in the list; then the switch in the app bar, which is kept. Screenshots: languages-{en,ar}-*.png.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class LanguagesTests(DashboardFixture fixture)
{
    /// <summary>What a person reads on the pages, in each language (the resource files' words).</summary>
    private sealed record Words(string Locale, string Lang, string Dir, string Campaigns, string NewCampaign, string CampaignName,
        string Template, string AddRow, string Row1Number, string Row2Number, string Row1Param1, string Row2Param1, string Row1Param2,
        string Row2Param2, string SearchByName, string Switch, string Total, string Email, string Password, string SignIn);

    private static readonly Words English = new("en-GB", "en", "ltr", "Campaigns", "New campaign", "Campaign name", "Template", "Add row",
        "Row 1 Account ID", "Row 2 Account ID", "Row 1 {{1}}", "Row 2 {{1}}", "Row 1 {{2}}", "Row 2 {{2}}", "Search by name", "العربية",
        "Total", "Email", "Password", "Sign in");

    private static readonly Words Arabic = new("ar", "ar", "rtl", "الحملات", "حملة جديدة", "اسم الحملة", "القالب", "إضافة صف",
        "الصف 1 رقم الحساب", "الصف 2 رقم الحساب", "الصف 1 {{1}}", "الصف 2 {{1}}", "الصف 1 {{2}}", "الصف 2 {{2}}", "البحث بالاسم", "English",
        "الإجمالي", "البريد الإلكتروني", "كلمة المرور", "تسجيل الدخول");

    public static TheoryData<string> Languages => new() { "en", "ar" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheMainFlowWorksInEachLanguage(string language)
    {
        var words = language == "ar" ? Arabic : English;
        var page = await fixture.NewPageAsync(locale: words.Locale);
        var name = SeedApi.UniqueName(language == "ar" ? "عروض الربيع" : "Spring offers");

        await page.GotoAsync("campaigns");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", words.Lang);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", words.Dir);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.Campaigns, Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#main-drawer")).ToHaveClassAsync(new Regex(language == "ar" ? "mud-drawer-pos-right" : "mud-drawer-pos-left"));
        await DashboardFixture.ScreenshotAsync(page, $"languages-{language}-campaigns");

        await page.Locator("#main-drawer").GetByRole(AriaRole.Link, new() { Name = words.NewCampaign }).ClickAsync();
        await page.GetByLabel(words.CampaignName).FillAsync(name);
        await CampaignBuilderTests.PickTemplateAsync(page, "order_confirmation", words.Template);
        await page.GetByLabel(words.Row1Number).FillAsync("+966539078942");
        await page.GetByLabel(words.Row1Param1).FillAsync(language == "ar" ? "سارة" : "Sara");
        await page.GetByLabel(words.Row1Param2).FillAsync("ORD-1");
        await page.GetByRole(AriaRole.Button, new() { Name = words.AddRow }).ClickAsync();
        await page.GetByLabel(words.Row2Number).FillAsync("+966539078944");
        await page.GetByLabel(words.Row2Param1).FillAsync(language == "ar" ? "أحمد" : "Ahmed");
        await page.GetByLabel(words.Row2Param2).FillAsync("ORD-2");
        await page.GetByLabel(words.Row1Param1).FocusAsync();
        await Expect(page.GetByTestId("create-campaign")).ToBeEnabledAsync();
        await DashboardFixture.ScreenshotAsync(page, $"languages-{language}-builder");
        await page.GetByTestId("create-campaign").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.GetByTestId("campaign-name-heading")).ToHaveTextAsync(name);
        await Expect(page.GetByText("+966539078944")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = words.Total, Exact = true })).ToContainTextAsync("2");
        await DashboardFixture.ScreenshotAsync(page, $"languages-{language}-campaign");

        await page.Locator("#main-drawer").GetByRole(AriaRole.Link, new() { Name = words.Campaigns, Exact = true }).ClickAsync();
        await page.GetByLabel(words.SearchByName).FillAsync(name);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = name })).ToHaveCountAsync(1);

        // The switch loads the same page in the other language, and the pick outlives the browser's own language.
        var other = language == "ar" ? English : Arabic;
        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", other.Dir);
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = other.Campaigns, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("language-switch")).ToHaveTextAsync(other.Switch);
        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", other.Lang);
        await DashboardFixture.ScreenshotAsync(page, $"languages-{language}-switched");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheSignInPageSpeaksTheBrowsersLanguageAndItsSwitchComesBackToIt(string language)
    {
        var words = language == "ar" ? Arabic : English;
        var page = await fixture.NewAnonymousPageAsync(locale: words.Locale);
        await page.GotoAsync("campaigns");

        await Expect(page).ToHaveURLAsync(new Regex(@"/account/sign-in\?"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", words.Dir);
        await Expect(page.GetByLabel(words.Email)).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(page, $"languages-{language}-sign-in");

        // The switch and back: the same sign-in page, still on its way to the campaigns.
        var other = language == "ar" ? English : Arabic;
        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", other.Dir);
        await Expect(page.GetByLabel(other.Email)).ToBeVisibleAsync();
        await page.GetByTestId("language-switch").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", words.Dir);

        await page.GetByLabel(words.Email).FillAsync(AppProcess.AdminEmail);
        await page.GetByLabel(words.Password).FillAsync(AppProcess.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = words.SignIn }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/campaigns$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = words.Campaigns, Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheSwitchNeverSendsAnyoneOffTheSite()
    {
        var page = await fixture.NewAnonymousPageAsync();
        var answer = await page.APIRequest.GetAsync("culture/ar?returnUrl=//evil.test/x", new() { MaxRedirects = 0 });
        Assert.Equal(302, answer.Status);
        Assert.Equal("/", answer.Headers["location"]);
        var unknown = await page.APIRequest.GetAsync("culture/fr?returnUrl=/campaigns", new() { MaxRedirects = 0 });
        Assert.Equal(404, unknown.Status);
    }
}
