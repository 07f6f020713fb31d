using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>No customer gets a message twice: only sends that certainly did not happen are retried automatically.</summary>
public sealed class ThrottledSendTests(ThrottledSandboxFactory factory) : IClassFixture<ThrottledSandboxFactory>
{
    [Fact]
    public async Task AThrottledSendIsRetriedUpToTheLimitThenFails()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539072002", "+966539072004"]));

        var done = await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Failed, what: "failure");

        Assert.All(await api.MessagesAsync(campaign.Id), m => Assert.Equal((3, 130429, "FAILED"), (m.Attempts, m.ErrorCode, m.Status)));
        Assert.Equal(2, done.FailedCount);
        await using var sandbox = await factory.SandboxDbAsync();
        Assert.Equal(0, await sandbox.Sends.CountAsync());
    }
}

public sealed class UnknownOutcomeTests(CrashingProviderFactory factory) : IClassFixture<CrashingProviderFactory>
{
    [Fact]
    public async Task AProviderThatDiesMidCallLeavesMessagesFailedWithOutcomeUnknownAndNeverRetries()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966539073002", "+966539073004"]));

        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Failed, what: "failure");
        var messages = await api.MessagesAsync(campaign.Id);

        Assert.All(messages, m => Assert.StartsWith(MessageStore.OutcomeUnknown, m.Error));
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(2, factory.Calls);
    }
}

public sealed class LeaseTests(NoSandboxReceiptsFactory factory) : IClassFixture<NoSandboxReceiptsFactory>
{
    [Fact]
    public async Task ExpiredLeasesOfAStoppedSenderAreRequeuedUnlessHandedOverWhichEndOutcomeUnknown()
    {
        var api = factory.Campaigns();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromDays(1)),
            numbers: ["+966539074002", "+966539074004", "+966539074006"]));
        var now = DateTimeOffset.UtcNow;
        var handedOverAt = new DateTimeOffset(2026, 12, 1, 9, 30, 15, 250, TimeSpan.Zero);
        await using (var db = await factory.DbAsync())
        {
            // As a crashed process leaves them: claimed only, claimed and handed over, and one lease still live.
            var messages = await db.Messages.Where(m => m.CampaignId == campaign.Id).OrderBy(m => m.Id).ToListAsync();
            Claim(messages[0], "crashed-host", now.AddMinutes(-10), handedOverAt: null);
            Claim(messages[1], "crashed-host", now.AddMinutes(-10), handedOverAt);
            Claim(messages[2], "other-live-host", now.AddMinutes(10), handedOverAt: null);
            await db.SaveChangesAsync();
        }

        var recovered = await factory.Service<MessageStore>().RecoverExpiredAsync(factory.Service<MessageSender>().Owner, now, default);

        var after = (await api.MessagesAsync(campaign.Id)).ToDictionary(m => m.AccountId);
        Assert.Equal(1, recovered.Requeued);
        Assert.Equal(after["+966539074004"].MessageKey, Assert.Single(recovered.InDoubt).Key);
        Assert.Equal(("PENDING", 0, ""), (after["+966539074002"].Status, after["+966539074002"].Attempts, after["+966539074002"].Error));
        Assert.Equal("FAILED", after["+966539074004"].Status);
        Assert.Equal("outcome unknown: handed to the provider at 2026-12-01T09:30:15.250Z with no answer (its sender stopped); check before resending",
            after["+966539074004"].Error);
        Assert.Equal("SENDING", after["+966539074006"].Status);
        Assert.Equal(1, (await api.CampaignAsync(campaign.Id)).FailedCount);
        Assert.Equal(now.AddMinutes(10).ToUnixTimeMilliseconds(), recovered.NextExpiry?.ToUnixTimeMilliseconds());
    }

    private static void Claim(Message message, string owner, DateTimeOffset leaseUntil, DateTimeOffset? handedOverAt)
    {
        message.Status = (int)MessageStatus.Sending;
        message.Attempts = 1;
        message.LeaseOwner = owner;
        message.LeaseUntil = leaseUntil.ToUnixTimeMilliseconds();
        message.HandedOverAt = handedOverAt;
    }
}

public sealed class DeleteWhileSendingTests(PacedFactory factory) : IClassFixture<PacedFactory>
{
    [Fact]
    public async Task DeletingASendingCampaignStopsItsUnsentMessages()
    {
        var api = factory.Campaigns();
        var numbers = Enumerable.Range(0, 60).Select(i => $"+96653907{5000 + i * 2}").ToArray();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(numbers: numbers));
        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.SentCount >= 2, what: "some sends");

        await api.DeleteCampaignAsync(new Contracts.Campaigns.DeleteCampaignRequest { Id = campaign.Id });
        var atDelete = await SendsAsync(numbers);
        // Absence can only be shown over a window: two paced batches' time (a batch is 2 messages at 10/s).
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        var later = await SendsAsync(numbers);
        Assert.InRange(later - atDelete, 0, 2); // at most the one batch already handed to the provider
        Assert.True(later < 20, $"{later} of 60 were sent");
    }

    private async Task<int> SendsAsync(string[] numbers)
    {
        await using var sandbox = await factory.SandboxDbAsync();
        return await sandbox.Sends.CountAsync(s => numbers.Contains(s.To));
    }
}
