using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class UpdateDeleteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Client.ICampaignApi _api = factory.Campaigns();

    [Fact]
    public async Task UpdateRenamesAndReschedulesAScheduledCampaign()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(5))));

        var updated = await _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = campaign.Id, Name = "test22", SendAt = "2031-03-04T11:31:25.000Z" });

        Assert.Equal(("test22", "2031-03-04T11:31:25.000Z", CampaignStatus.Scheduled), (updated.Name, updated.SendAt, updated.Status));
        Assert.Equal("test22", (await _api.CampaignAsync(campaign.Id)).Name);
    }

    [Fact]
    public async Task UpdateKeepsFieldsLeftEmptyAndIgnoresOthers()
    {
        var sendAt = FutureSendAt(TimeSpan.FromDays(5));
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: sendAt));
        var body = $$"""{"id":{{campaign.Id}},"name":"","SendAt":"","Message":"changed","Total":99,"Status":"completed"}""";

        var response = await factory.Http().PutAsync("/v2/campaign/update", Json(body));
        var after = await _api.CampaignAsync(campaign.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((campaign.Name, sendAt, campaign.Message, 2, CampaignStatus.Scheduled), (after.Name, after.SendAt, after.Message, after.Total, after.Status));
    }

    [Fact]
    public async Task UpdateOfACampaignThatIsNotScheduledChangesNothing()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation());

        var failure = await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = campaign.Id, Name = "renamed", SendAt = FutureSendAt(TimeSpan.FromDays(1)) }));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.OnlyScheduledCanBeUpdated), failure);
        var after = await _api.CampaignAsync(campaign.Id);
        Assert.Equal((campaign.Name, campaign.SendAt), (after.Name, after.SendAt));
    }

    [Fact]
    public async Task UpdateRejectsBadInput()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(5))));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.IdRequired), await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Name = "x" })));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound), await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = 987654, Name = "x" })));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.SendAtFormat),
            await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = campaign.Id, SendAt = "2031-03-04 11:31" })));
        Assert.Equal(campaign.SendAt, (await _api.CampaignAsync(campaign.Id)).SendAt);
    }

    [Fact]
    public async Task UpdateAnswersNotFoundAndNotScheduledBeforeTheFieldRules()
    {
        var sending = await _api.CreateCampaignAsync(OrderConfirmation());
        var badFields = new UpdateCampaignRequest { Name = new string('n', 300), SendAt = "2031-03-04 11:31" };

        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound),
            await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = 987655, Name = badFields.Name, SendAt = badFields.SendAt })));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.OnlyScheduledCanBeUpdated),
            await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = sending.Id, Name = badFields.Name, SendAt = badFields.SendAt })));
    }

    [Fact]
    public async Task UpdateChecksTheNameBeforeTheSendAt()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(5))));

        var failure = await FailureOf(() => _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = campaign.Id, Name = new string('n', 300), SendAt = "2031-03-04 11:31" }));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.NameTooLong), failure);
    }

    [Fact]
    public async Task RescheduleIntoThePastStartsSending()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(5))));

        await _api.UpdateCampaignAsync(new UpdateCampaignRequest { Id = campaign.Id, SendAt = "2020-01-01T00:00:00Z" });

        var done = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        Assert.Equal(2, done.SentCount);
    }

    [Fact]
    public async Task DeleteReturnsTheCampaignAndRemovesItsMessages()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(name: "To delete", sendAt: FutureSendAt(TimeSpan.FromDays(1))));

        var deleted = await _api.DeleteCampaignAsync(new DeleteCampaignRequest { Id = campaign.Id });

        Assert.Equal((campaign.Id, "To delete"), (deleted.Id, deleted.Name));
        Assert.Null(await _api.GetCampaignAsync(campaign.Id));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound), await FailureOf(() => _api.GetMessagePageAsync(campaign.Id, 0, 10)));
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.CampaignNotFound), await FailureOf(() => _api.DeleteCampaignAsync(new DeleteCampaignRequest { Id = campaign.Id })));
        await using var db = await factory.DbAsync();
        Assert.False(db.Messages.Any(m => m.CampaignId == campaign.Id));
    }

    [Fact]
    public async Task DeleteWithoutAnIdReturns400()
    {
        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.IdRequired), await FailureOf(() => _api.DeleteCampaignAsync(new DeleteCampaignRequest())));
    }
}
