using Bunit;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class TemplatePickerSearchTests : BuilderTestBase
{
    private IReadOnlyList<string> Offered(BuilderDriver builder, string text)
    {
        builder.TemplateInput.InputSettled(text);
        builder.Page.WaitForAssertion(() => Assert.NotEmpty(Popovers.FindAll(".mud-popover-open")));
        return Popovers.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]).ToList();
    }

    [Theory]
    [InlineData("arabic")]
    [InlineData("Arabic")]
    [InlineData("ar")]
    [InlineData("AR")]
    public void SearchingForArabicByNameOrCodeFindsTheArabicTemplateOnly(string text)
    {
        var builder = OpenBuilder();

        Assert.Equal(["order_shipped_ar"], Offered(builder, text));
    }

    [Fact]
    public void ALanguageCodeFindsItsRegionsAndAnEnglishNameItsTemplates()
    {
        var builder = OpenBuilder();

        Assert.Equal(["order_confirmation", "welcome_back_image"], Offered(builder, "en"));
        Assert.Equal(["order_confirmation", "welcome_back_image"], Offered(builder, "english"));
        Assert.Equal(["welcome_back_image"], Offered(builder, "mark"));
    }

    [Theory]
    [InlineData("ar", "ar", true)]
    [InlineData("ar_SA", "ar", true)]
    [InlineData("en_US", "en", true)]
    [InlineData("en_US", "en-us", true)]
    [InlineData("en_US", "united", true)]
    [InlineData("ar", "arabic", true)]
    [InlineData("en_US", "ar", false)]
    [InlineData("ar", "a", false)]
    public void LanguagesMatchByExactCodeOrByName(string code, string term, bool matches) =>
        Assert.Equal(matches, TemplateSearch.LanguageMatches(code, term));

    [Fact]
    public void TheMarketingCategoryIsNotFoundByTheArInsideIt() =>
        Assert.False(TemplateSearch.Matches(TestTemplates.WelcomeImage, "ar"));
}
