using System.Globalization;
using Bunit;
using CampaignAdmin.Dashboard.Components.Layout;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Dashboard.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static CampaignAdmin.Dashboard.Tests.Support.Cultures;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>English and Arabic: the switch's addresses, the resource files, right to left.</summary>
public sealed class LanguagesTests : DashboardTestContext
{
    public LanguagesTests() =>
        Services.AddSingleton(CampaignAdmin.Dashboard.Hosting.ApiConnection.From(new CampaignAdmin.Client.CampaignApiOptions()));

    [Theory]
    [InlineData("/campaigns", true)]
    [InlineData("/campaigns/7?tab=messages", true)]
    [InlineData("/", true)]
    [InlineData("//evil.test/x", false)]
    [InlineData("/\\evil.test", false)]
    [InlineData("https://evil.test/", false)]
    [InlineData("campaigns", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TheSwitchGoesBackOnlyToAPageOfThisSite(string? returnUrl, bool local) =>
        Assert.Equal(local, DashboardCultures.IsLocal(returnUrl));

    [Fact]
    public void TheSwitchAddressKeepsThePageAndItsQuery() =>
        Assert.Equal("culture/ar?returnUrl=%2Fcampaigns%2F7%3Ftab%3Dmessages", DashboardCultures.SwitchTo("ar", "campaigns/7?tab=messages"));

    [Fact]
    public void AStaticTextReadsTheSameResourceFilesAsAComponent()
    {
        InCulture("ar", () => Assert.Equal("الحملات", Localized.Text(typeof(NavMenu), "Campaigns")));
        InCulture("ar", () => Assert.Equal("Not translated", Localized.Text(typeof(NavMenu), "Not translated")));
        InCulture("en", () => Assert.Equal("Campaigns", Localized.Text(typeof(NavMenu), "Campaigns")));
    }

    [Fact]
    public void InArabicTheNavigationIsArabicAndTheDrawerSitsOnTheRight() => InCulture("ar", () =>
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Equal("الحملات", layout.FindAll("nav a .mud-nav-link-text")[0].TextContent);
        Assert.Contains("mud-drawer-pos-right", layout.Find("#main-drawer").ClassName);
        Assert.Equal("English", layout.Find("[data-testid=language-switch]").TextContent);
        Assert.Equal("التبديل إلى الوضع الداكن", layout.Find("[aria-label='التبديل إلى الوضع الداكن']").GetAttribute("aria-label"));
    });

    [Fact]
    public void InEnglishTheDrawerSitsOnTheLeftAndTheSwitchOffersArabic() => InCulture("en", () =>
    {
        var layout = Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        Assert.Equal("Campaigns", layout.FindAll("nav a .mud-nav-link-text")[0].TextContent);
        Assert.Contains("mud-drawer-pos-left", layout.Find("#main-drawer").ClassName);
        Assert.Equal("العربية", layout.Find("[data-testid=language-switch]").TextContent);
    });

}
