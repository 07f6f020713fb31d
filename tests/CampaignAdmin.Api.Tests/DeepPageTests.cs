using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

/// <summary>
/// Pages deep in a campaign are found by id (a campaign's messages are one id range), so they must hold exactly the
/// messages a scan would: checked against the whole list, with other creates landing between a big create's chunks.
/// </summary>
public sealed class DeepPageTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int Size = CampaignWriter.ChunkSize * 2 + 7;

    [Fact]
    public async Task ABigCreateWithSmallCreatesBetweenItsChunksKeepsOneIdRangeAndEveryPageIsWhereAScanPutsIt()
    {
        var api = factory.Campaigns();
        var big = api.CreateCampaignAsync(OrderConfirmation("deep pages", FutureSendAt(TimeSpan.FromDays(1)), BigCreateTests.Numbers(Size, from: 4_000_000)));
        var small = new List<Task>();
        while (!big.IsCompleted && small.Count < 40)
        {
            small.Add(api.CreateCampaignAsync(OrderConfirmation($"between {small.Count}", FutureSendAt(TimeSpan.FromDays(1)),
                BigCreateTests.Numbers(2, from: 5_000_000 + small.Count * 2))));
            await Task.WhenAny(big, Task.Delay(20));
        }
        var campaign = await big;
        await Task.WhenAll(small);

        await using (var db = await factory.DbAsync())
        {
            var stored = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id);
            Assert.Equal(stored.Total, stored.LastMessageId - stored.FirstMessageId + 1);
            Assert.Equal(Size, await db.Messages.CountAsync(m => m.CampaignId == campaign.Id && m.Id >= stored.FirstMessageId && m.Id <= stored.LastMessageId));
        }
        var all = (await api.GetMessagePageAsync(campaign.Id, 0, Size + 10)).Items;
        Assert.Equal(Size, all.Count);
        foreach (var offset in new[] { 0, 1, CampaignWriter.ChunkSize - 1, CampaignWriter.ChunkSize, Size / 2, Size - 100, Size - 1 })
        {
            var page = await api.GetMessagePageAsync(campaign.Id, offset, 100);
            Assert.Equal(all.Skip(offset).Take(100).Select(m => m.MessageKey), page.Items.Select(m => m.MessageKey));
            Assert.Equal(Size, page.Total);
        }
        Assert.Empty((await api.GetMessagePageAsync(campaign.Id, Size, 100)).Items);
    }

    [Fact]
    public async Task AStatusPageAtAnOffsetHoldsThoseOfThatStatusFromThere()
    {
        var api = factory.Campaigns();
        // Numbers ending 0000 are undeliverable in the sandbox: 6 of these 60 fail.
        var numbers = Enumerable.Range(0, 60).Select(i => i % 10 == 3 ? $"+96650{i:D3}0000" : $"+96650{i:D3}1232").ToArray();
        var campaign = await api.CreateCampaignAsync(OrderConfirmation("status pages", "", numbers));
        await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.SentCount + c.FailedCount == 60, what: "all sent or failed");

        var failed = await api.MessagesAsync(campaign.Id, "FAILED");
        Assert.Equal(6, failed.Count);
        var page = await api.GetMessagePageAsync(campaign.Id, 2, 3, "FAILED");
        Assert.Equal(failed.Skip(2).Take(3).Select(m => m.MessageKey), page.Items.Select(m => m.MessageKey));
        Assert.Equal(6, page.Total);
        Assert.Empty((await api.GetMessagePageAsync(campaign.Id, 6, 3, "FAILED")).Items);
    }
}
