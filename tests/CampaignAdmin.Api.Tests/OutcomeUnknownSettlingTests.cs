using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>"Outcome unknown" is settled from evidence: the provider's own record, or a receipt (docs/SENDING.md).</summary>
public sealed class AskTheProviderWhenItAcceptedTests(AcceptedThenLostFactory factory) : IClassFixture<AcceptedThenLostFactory>
{
    [Fact]
    public async Task AMessageTheProviderAcceptedIsSettledAsSubmittedWithItsProviderId()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539076002", "+966539076004"]));

        var messages = await Eventually.UntilAsync(() => api.MessagesAsync(campaign.Id), m => m.All(x => x.Status == "SUBMITTED"), what: "settled as sent");

        await using var sandbox = await factory.SandboxDbAsync();
        var sends = await sandbox.Sends.ToDictionaryAsync(s => s.MessageKey, s => s.ProviderMessageId);
        Assert.All(messages, m => Assert.Equal((sends[m.MessageKey], "", 0, 1), (m.ProviderMessageId, m.Error, m.ErrorCode, m.Attempts)));
        Assert.Equal(1, factory.Calls);
        var after = await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        Assert.Equal((2, 0), (after.SentCount, after.FailedCount));
    }
}

public sealed class AskTheProviderWhenItNeverAcceptedTests(LostBeforeAcceptingFactory factory) : IClassFixture<LostBeforeAcceptingFactory>
{
    [Fact]
    public async Task AMessageTheProviderNeverAcceptedIsSentAgainExactlyOnce()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539077002", "+966539077004"]));

        var done = await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed && c.SentCount == 2, what: "sent");

        Assert.Equal(0, done.FailedCount);
        Assert.All(await api.MessagesAsync(campaign.Id), m => Assert.Equal(2, m.Attempts));
        await using var sandbox = await factory.SandboxDbAsync();
        Assert.Equal(2, await sandbox.Sends.CountAsync());
        Assert.Equal(2, factory.Calls); // the lost call, then one call with both messages
    }
}

public sealed class AReceiptSettlesOutcomeUnknownTests(AcceptedThenLostReceiptsFactory factory) : IClassFixture<AcceptedThenLostReceiptsFactory>
{
    [Fact]
    public async Task TheDeliveredAndReadReceiptsOfAMessageInDoubtSettleIt()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539078002", "+966539078003"]));

        var messages = await Eventually.UntilAsync(() => api.MessagesAsync(campaign.Id),
            m => m.Any(x => x.Status == "READ") && m.Any(x => x.Status == "DELIVERED"), what: "settled by receipts");

        await using var sandbox = await factory.SandboxDbAsync();
        var sends = await sandbox.Sends.ToDictionaryAsync(s => s.MessageKey, s => s.ProviderMessageId);
        Assert.All(messages, m => Assert.Equal((sends[m.MessageKey], "", 0), (m.ProviderMessageId, m.Error, m.ErrorCode)));
        Assert.All(messages, m => Assert.NotNull(m.SentAt));
        var after = await api.CampaignAsync(campaign.Id);
        Assert.Equal((2, 2, 1, 0), (after.SentCount, after.DeliveredCount, after.ReadCount, after.FailedCount));
        Assert.Equal(CampaignStatus.Completed, after.Status);
    }
}

public sealed class OutcomeUnknownWithoutEvidenceTests(AcceptedThenLostNoEvidenceFactory factory) : IClassFixture<AcceptedThenLostNoEvidenceFactory>
{
    [Fact]
    public async Task ItSaysWhenItWasHandedOverAndAPersonCanStillResendIt()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539079002", "+966539079004"]));
        var failed = (await Eventually.UntilAsync(() => api.MessagesAsync(campaign.Id, "FAILED"), m => m.Count == 2, what: "outcome unknown"))[0];

        Assert.Matches(@"^outcome unknown: handed to the provider at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z with no answer \(the provider call failed\); check before resending$", failed.Error);

        // A person checked and decided: the resend goes out (and the customer has it twice, which is what they chose).
        var resent = await api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey });

        Assert.Equal(("SUBMITTED", "", 2), (resent.Status, resent.Error, resent.Attempts));
        await using var sandbox = await factory.SandboxDbAsync();
        Assert.Equal(2, await sandbox.Sends.CountAsync(s => s.MessageKey == failed.MessageKey));
        var after = await api.CampaignAsync(campaign.Id);
        Assert.Equal((1, 1, CampaignStatus.Completed), (after.SentCount, after.FailedCount, after.Status));
    }
}
