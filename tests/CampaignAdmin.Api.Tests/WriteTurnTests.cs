using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// The dispatcher writes in turns at the same gate as creates: while a big create holds a turn, a due campaign's claim
/// queues there (and the create sees it waiting) instead of sleeping in SQLite's busy wait, and goes on once the turn ends.
/// </summary>
public sealed class WriteTurnTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ADueCampaignsClaimWaitsForTheTurnHeldAndIsCountedAsWaiting()
    {
        var api = factory.Campaigns();
        var gate = factory.Services.GetRequiredService<CampaignWriteGate>();
        // Due in 5 s (whole seconds, so 4-5 s): time for a cold app's first create and the turn taken here before it is due.
        var campaign = await api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromSeconds(5)), numbers: ["+966539079112", "+966539079114"]));
        Assert.Equal(CampaignStatus.Scheduled, campaign.Status);

        var ledger = factory.Ledger();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // Its start is a statement of its own; the claim after it is a transaction, and waits here.
            await Eventually.UntilAsync(() => Task.FromResult(gate.IsWanted), wanted => wanted, what: "the dispatcher queued at the gate");
            Assert.Equal(CampaignStatus.Sending, (await api.CampaignAsync(campaign.Id)).Status);
            Assert.Equal(0, await ledger.SendsAsync());
            Assert.All(await ledger.RowsAsync(), row => Assert.Equal(MessageStatus.Pending, row.Status));
        }

        var sent = await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.SentCount == 2, what: "both sent once the turn ended");
        Assert.Equal(2, sent.Total);
        Assert.Equal(2, await ledger.SendsAsync());
    }
}
