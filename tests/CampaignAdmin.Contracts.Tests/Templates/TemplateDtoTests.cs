using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Tests.Support;

namespace CampaignAdmin.Contracts.Tests.Templates;

public class TemplateDtoTests
{
    [Fact]
    public void BodyTextIsTheBodyComponentsText() =>
        Assert.Equal(Sample.OrderConfirmationBody, Sample.OrderConfirmation().BodyText);

    [Fact]
    public void BodyTextIsEmptyWithoutABody() =>
        Assert.Equal("", new TemplateDto { Creation = [new TemplateComponent { Type = ComponentType.Footer, Text = "x" }] }.BodyText);

    [Theory]
    [InlineData("ar", true)]
    [InlineData("ar_SA", true)]
    [InlineData("AR-eg", true)]
    [InlineData("he", true)]
    [InlineData("fa", true)]
    [InlineData("ur", true)]
    [InlineData("en_US", false)]
    [InlineData("", false)]
    public void RightToLeftFollowsTheLanguage(string language, bool expected) =>
        Assert.Equal(expected, new TemplateDto { Language = language }.IsRightToLeft);

    [Theory]
    [InlineData("APPROVED", true)]
    [InlineData("approved", true)]
    [InlineData("PENDING", false)]
    [InlineData("", false)]
    public void ApprovedIgnoresCase(string status, bool expected) =>
        Assert.Equal(expected, new TemplateDto { Status = status }.IsApproved);
}
