using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using static CampaignAdmin.Api.Tests.WhatsAppCloud.MetaWebhooks;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>A delivery answered 200 is in the database already: a host that stops before applying it loses nothing.</summary>
public sealed class WebhookDurabilityTests
{
    [Fact]
    public async Task ADeliveryAnsweredButNotYetAppliedIsAppliedAfterARestart()
    {
        using var database = new TestDatabase();
        SeededCampaign campaign;
        using (var first = WhatsAppWebhookFactory.On(database, processWebhooks: false))
        {
            campaign = await SeededMessages.SeedAsync(first, ["+966539072002", "+966539072004"]);
            var (a, b) = (campaign.Messages[0], campaign.Messages[1]);
            using var response = await first.DeliverAsync(Statuses(Status(a.Wamid, "read", a.Key), Status(b.Wamid, "delivered", b.Key)));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["SUBMITTED", "SUBMITTED"], (await first.Campaigns().MessagesAsync(campaign.Id)).Select(m => m.Status));
        }
        Assert.Equal(1L, await InboxRowsAsync(database));

        using var second = WhatsAppWebhookFactory.On(database, processWebhooks: true);
        var api = second.Campaigns();
        var messages = await Eventually.UntilAsync(() => api.MessagesAsync(campaign.Id), m => m.All(x => x.Status != "SUBMITTED"), what: "the kept delivery applied");

        Assert.Equal(["READ", "DELIVERED"], messages.Select(m => m.Status));
        await second.WhenInboxIsEmptyAsync();
        var counts = await api.CampaignAsync(campaign.Id);
        Assert.Equal((2, 2, 1), (counts.SentCount, counts.DeliveredCount, counts.ReadCount));
    }

    [Fact]
    public async Task AStatusThatArrivesBeforeItsSendIsRecordedIsAppliedOnceItIs()
    {
        using var factory = new WhatsAppWebhookFactory();
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539072006"], inDoubt: []);
        var message = campaign.Messages[0];
        var api = factory.Campaigns();
        // The send's answer is not recorded yet: Meta's webhook outran it.
        await using (var db = await factory.DbAsync())
        {
            var row = db.Messages.Single(m => m.Key == message.Key);
            (row.Status, row.ProviderMessageId) = ((int)Contracts.Campaigns.MessageStatus.Sending, "");
            await db.SaveChangesAsync();
        }

        using var response = await factory.DeliverAsync(Statuses(Status(message.Wamid, "delivered")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Eventually.UntilAsync(() => InboxRowsAsync(factory.Store), rows => rows == 1, what: "the delivery kept for later");
        await using (var db = await factory.DbAsync())
        {
            var row = db.Messages.Single(m => m.Key == message.Key);
            (row.Status, row.ProviderMessageId) = ((int)Contracts.Campaigns.MessageStatus.Submitted, message.Wamid);
            await db.SaveChangesAsync();
        }

        await Eventually.UntilAsync(() => api.MessagesAsync(campaign.Id), m => m.Single().Status == "DELIVERED", what: "the late status applied");
        await factory.WhenInboxIsEmptyAsync();
    }

    private static async Task<long> InboxRowsAsync(TestDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM WebhookInbox";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
