using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Api.Data;
using static CampaignAdmin.Api.Tests.WhatsAppCloud.MetaWebhooks;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Two API instances on one PostgreSQL database share the inbox: each delivery is applied, whichever instance took it.</summary>
public sealed class WebhookInstancesTests
{
    [PostgresFact]
    public async Task TwoInstancesApplyEveryDeliveryEitherOfThemReceived()
    {
        using var database = new TestDatabase(DatabaseProvider.Postgres);
        using var first = WhatsAppWebhookFactory.On(database, processWebhooks: true);
        var campaign = await SeededMessages.SeedAsync(first, Enumerable.Range(0, 40).Select(i => $"+9665390730{i:D2}").ToArray());
        using var second = WhatsAppWebhookFactory.On(database, processWebhooks: true);

        var posts = campaign.Messages.Select((m, i) => (i % 2 == 0 ? first : second).DeliverAsync(
            Statuses(Status(m.Wamid, "delivered", m.Key), Status(m.Wamid, "read", m.Key, Timestamp + 3))));
        foreach (var response in await Task.WhenAll(posts)) using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var api = first.Campaigns();
        var counts = await Eventually.UntilAsync(() => api.CampaignAsync(campaign.Id), c => c.ReadCount == 40, what: "every message read");
        Assert.Equal((40, 40, 40, 0), (counts.SentCount, counts.DeliveredCount, counts.ReadCount, counts.FailedCount));
        await first.WhenInboxIsEmptyAsync();
    }
}
