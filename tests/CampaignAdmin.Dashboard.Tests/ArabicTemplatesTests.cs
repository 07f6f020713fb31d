using System.Globalization;
using Bunit;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Tests.Support;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class ArabicTemplatesTests : DashboardTestContext
{
    [Fact]
    public void ATemplateCardInArabicNamesItsVariablesInArabic()
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("ar");
            var card = Render<TemplateCard>(p => p.Add(c => c.Template, TestTemplates.WelcomeImage));

            Assert.Equal("المتغيرات", card.Find("h3").TextContent.Trim());
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
