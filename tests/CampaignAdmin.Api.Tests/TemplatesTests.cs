using System.Net;
using CampaignAdmin.Api.Templates;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class TemplatesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheDemoCompanyHasTheSeededTemplates()
    {
        var templates = (await factory.Templates().GetTemplatesAsync()).Items;

        var order = Assert.Single(templates, t => t.Id == ApiFactory.OrderConfirmation);
        Assert.Equal(("order_confirmation", "en_US", "UTILITY", "APPROVED", 2), (order.Name, order.Language, order.Category, order.Status, order.Variables.Count));
        Assert.True(templates.Count >= 5);
        Assert.Contains(templates, t => t.Language == "ar" && t.IsRightToLeft);
        Assert.Contains(templates, t => t.Variables.Any(v => v.Kind == VariableKind.HeaderMedia && v.Label == "Header image URL"));
        Assert.Contains(templates, t => t.Variables.Any(v => v.Kind == VariableKind.UrlButton));
        Assert.Contains(templates, t => t.Variables.Count == 0);
    }

    [Fact]
    public async Task CreatingATemplateDerivesItsComposeAndApprovesIt()
    {
        var created = await factory.Templates().CreateTemplateAsync(new CreateTemplateRequest
        {
            Name = "flash_sale", Category = "marketing", Language = "ar",
            Creation =
            [
                new TemplateComponent { Type = "HEADER", Format = "IMAGE" },
                new TemplateComponent { Type = "BODY", Text = "خصم {{1}} على {{2}}" },
            ],
        });

        Assert.Equal(("APPROVED", "MARKETING", 3), (created.Status, created.Category, created.Variables.Count));
        Assert.Contains("\"link\":\"{{1}}\"", created.Compose);
        Assert.Contains((await factory.Templates().GetTemplatesAsync()).Items, t => t.Id == created.Id);

        var campaign = await factory.Campaigns().CreateCampaignAsync(new Contracts.Campaigns.CreateCampaignRequest
        {
            Name = "Flash", TempMsgId = created.Id, SendAt = FutureSendAt(TimeSpan.FromDays(1)),
            Clients = [new() { AccountId = "+966539078942", Params = ["https://x/y.png", "20%", "كل شيء"] }, new() { AccountId = "+966539078944", Params = ["https://x/y.png", "20%", "x"] }],
        });
        Assert.Equal("خصم {{1}} على {{2}}", campaign.Message);
    }

    [Theory]
    [InlineData("""{"name":"Bad Name","category":"MARKETING","language":"en_US","creation":[{"type":"BODY","text":"x"}]}""", CreateTemplateRequestValidator.NameRule)]
    [InlineData("""{"name":"ok","category":"SPAM","language":"en_US","creation":[{"type":"BODY","text":"x"}]}""", CreateTemplateRequestValidator.CategoryRule)]
    [InlineData("""{"name":"ok","category":"UTILITY","language":"english","creation":[{"type":"BODY","text":"x"}]}""", CreateTemplateRequestValidator.LanguageRule)]
    [InlineData("""{"name":"ok","category":"UTILITY","language":"en_US","creation":[{"type":"FOOTER","text":"x"}]}""", CreateTemplateRequestValidator.BodyRule)]
    [InlineData("""{"name":"ok","category":"UTILITY","language":"en_US","creation":[{"type":"BODY","text":"x"},{"type":"SCRIPT"}]}""", CreateTemplateRequestValidator.ComponentRule)]
    [InlineData("""{"name":"ok","category":"UTILITY","language":"en_US","creation":[null,{"type":"BODY","text":"x","buttons":[null]}],"x":null}""", null)]
    [InlineData("""{"name":"order_confirmation","category":"UTILITY","language":"en_US","creation":[{"type":"BODY","text":"x"}]}""", TemplatesApi.DuplicateTemplate)]
    public async Task CreatingAnInvalidTemplateReturns400WithTheRule(string body, string? error)
    {
        var response = await factory.Http().PostAsync("/v2/whatsapp/templates", Json(body));

        if (error is null) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else Assert.Equal((HttpStatusCode.BadRequest, error), await ErrorOf(response));
    }
}
