using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>Receipts move a message forward only; duplicates and late arrivals change nothing.</summary>
public sealed class ReceiptTests(NoSandboxReceiptsFactory factory) : IClassFixture<NoSandboxReceiptsFactory>
{
    private readonly Client.ICampaignApi _api = factory.Campaigns();

    private async Task<(CampaignResponse Campaign, CampaignMessage Message)> SubmittedAsync(string number)
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: [number, "+966501990000"]));
        await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        return (campaign, (await _api.MessagesAsync(campaign.Id, "SUBMITTED")).Single());
    }

    [Fact]
    public async Task ReceiptsOutOfOrderNeverMoveAMessageBackwards()
    {
        var (campaign, message) = await SubmittedAsync("+966539071002");
        var store = factory.Service<MessageStore>();
        var at = DateTimeOffset.UtcNow;

        await store.ApplyReceiptsAsync([new Receipt(message.ProviderMessageId, MessageStatus.Read, at)], default);
        await store.ApplyReceiptsAsync(
        [
            new Receipt(message.ProviderMessageId, MessageStatus.Delivered, at.AddSeconds(-5)),
            new Receipt(message.ProviderMessageId, MessageStatus.Read, at.AddSeconds(1)),
            new Receipt(message.ProviderMessageId, MessageStatus.Failed, at.AddSeconds(2), 131000, "late failure"),
        ], default);

        var after = (await _api.MessagesAsync(campaign.Id, "READ")).Single();
        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal(("READ", ""), (after.Status, after.Error));
        Assert.Equal((1, 1, 1, 1), (counts.SentCount, counts.DeliveredCount, counts.ReadCount, counts.FailedCount));
    }

    [Fact]
    public async Task DuplicateDeliveredReceiptsCountOnce()
    {
        var (campaign, message) = await SubmittedAsync("+966539071004");
        var sink = factory.Service<IReceiptSink>();

        for (var i = 0; i < 3; i++) sink.Enqueue(new Receipt(message.ProviderMessageId, MessageStatus.Delivered, DateTimeOffset.UtcNow));

        var counts = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.DeliveredCount >= 1, what: "delivery");
        Assert.Equal("DELIVERED", (await _api.MessagesAsync(campaign.Id, "DELIVERED")).Single().Status);
        Assert.Equal((1, 1, 0), (counts.SentCount, counts.DeliveredCount, counts.ReadCount));
    }

    [Fact]
    public async Task AFailedReceiptAfterSubmissionCountsAsFailed()
    {
        var (campaign, message) = await SubmittedAsync("+966539071006");

        await factory.Service<MessageStore>().ApplyReceiptsAsync(
            [new Receipt(message.ProviderMessageId, MessageStatus.Failed, DateTimeOffset.UtcNow, 131047, "Re-engagement message")], default);

        var failed = (await _api.MessagesAsync(campaign.Id, "FAILED")).Single(m => m.AccountId == "+966539071006");
        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal((131047, "Re-engagement message"), (failed.ErrorCode, failed.Error));
        Assert.Equal((0, 2, CampaignStatus.Failed), (counts.SentCount, counts.FailedCount, counts.Status));
    }
}
