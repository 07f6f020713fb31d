using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>A company's key never reads, changes, deletes or resends another company's data: it is 404 to them.</summary>
public sealed class TenantIsolationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnotherCompanyCannotSeeChangeDeleteOrResendACampaign()
    {
        var demo = factory.Campaigns();
        var scheduled = await demo.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(3))));
        var sent = await demo.CreateCampaignAsync(OrderConfirmation(numbers: ["+966501230000", "+966539078944"]));
        var failed = (await Eventually.UntilAsync(() => demo.MessagesAsync(sent.Id, "FAILED"), m => m.Count == 1, what: "a failed message"))[0];
        var (_, otherKey) = await factory.CreateCompanyAsync("Intruder Co");
        var other = factory.Campaigns(otherKey);

        Assert.Empty((await other.GetCampaignPageAsync(0, 100)).Items);
        Assert.Null(await other.GetCampaignAsync(scheduled.Id));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound), await FailureOf(() => other.GetMessagePageAsync(sent.Id, 0, 10)));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound),
            await FailureOf(() => other.UpdateCampaignAsync(new UpdateCampaignRequest { Id = scheduled.Id, Name = "hijacked" })));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound),
            await FailureOf(() => other.DeleteCampaignAsync(new DeleteCampaignRequest { Id = scheduled.Id })));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.MessageNotFound),
            await FailureOf(() => other.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey })));

        var unchanged = await demo.CampaignAsync(scheduled.Id);
        Assert.Equal(scheduled.Name, unchanged.Name);
        Assert.Single(await demo.MessagesAsync(sent.Id, "FAILED"));
    }

    [Fact]
    public async Task TemplatesAreListedOnlyForTheirOwnCompany()
    {
        var (_, otherKey) = await factory.CreateCompanyAsync("Template Co");

        var own = await factory.Templates(otherKey).GetTemplatesAsync();

        Assert.Empty(own.Items);
        Assert.NotEmpty((await factory.Templates().GetTemplatesAsync()).Items);
    }
}
