using Bunit;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Tests.Support;
using static CampaignAdmin.Dashboard.Tests.Support.Cultures;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class ArabicTemplatesTests : DashboardTestContext
{
    [Fact]
    public void ATemplateCardInArabicNamesItsVariablesInArabic()
    {
        InArabic(() =>
        {
            var card = Render<TemplateCard>(p => p.Add(c => c.Template, TestTemplates.WelcomeImage));

            Assert.Equal("المتغيرات", card.Find("h3").TextContent.Trim());
        });
    }
}
