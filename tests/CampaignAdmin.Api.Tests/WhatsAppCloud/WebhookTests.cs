using System.Net;
using CampaignAdmin.Api.Sending.WhatsAppCloud.Webhooks;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using static CampaignAdmin.Api.Tests.WhatsAppCloud.MetaWebhooks;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>
/// <c>/webhooks/whatsapp</c>: Meta's handshake, signed deliveries verified before anything is read, and statuses applied
/// forward only, in any order and any number of times.
/// </summary>
public sealed class WebhookTests(WhatsAppWebhookFactory factory) : IClassFixture<WhatsAppWebhookFactory>
{
    private readonly ICampaignApi _api = factory.Campaigns();

    [Fact]
    public async Task TheHandshakeWithTheRightTokenAnswersTheChallengeAsPlainText()
    {
        using var response = await factory.Http(key: null).GetAsync(
            $"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={WhatsAppWebhookFactory.VerifyTokenValue}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1158201444")]
    [InlineData("hub.mode=subscribe&hub.verify_token=test-verify-token-91a&hub.challenge=1158201444")]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("hub.mode=unsubscribe&hub.verify_token=test-verify-token-91ab&hub.challenge=1158201444")]
    public async Task TheHandshakeWithoutTheRightTokenIsForbidden(string query)
    {
        using var response = await factory.Http(key: null).GetAsync($"/webhooks/whatsapp?{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(WebhookTexts.WrongVerifyToken, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASignedDeliveryIsAppliedWithoutAnApiKey()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071002", "+966539071004"]);
        var message = campaign.Messages[0];

        using var response = await factory.DeliverAsync(Statuses(Status(message.Wamid, "delivered", message.Key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.DeliveredCount == 1, what: "delivery");
        var delivered = (await _api.MessagesAsync(campaign.Id, "DELIVERED")).Single();
        Assert.Equal((message.Key, "+966539071002"), (delivered.MessageKey, delivered.AccountId));
        Assert.Equal((2, 1, 0, 0), (counts.SentCount, counts.DeliveredCount, counts.ReadCount, counts.FailedCount));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha1=0000000000000000000000000000000000000000")]
    [InlineData("wrong-secret")]
    [InlineData("other-body")]
    public async Task AnUnsignedOrWronglySignedDeliveryIs401AndChangesNothing(string signature)
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071006"]);
        var message = campaign.Messages[0];
        var body = Statuses(Status(message.Wamid, "read", message.Key));
        var header = signature switch
        {
            "missing" => null,
            "wrong-secret" => WebhookSigner.Sign("another-app-secret", body),
            "other-body" => WebhookSigner.Sign(WhatsAppWebhookFactory.AppSecret, body + " "),
            _ => signature,
        };

        using var response = await factory.DeliverAsync(body, header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(WebhookTexts.BadSignature, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.Service<WebhookInbox>().CountAsync(default));
        Assert.Equal("SUBMITTED", (await _api.MessagesAsync(campaign.Id)).Single().Status);
    }

    [Fact]
    public async Task AReplayedDeliveryChangesNothing()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071008"]);
        var message = campaign.Messages[0];
        var body = Statuses(Status(message.Wamid, "delivered", message.Key));

        for (var i = 0; i < 3; i++)
        {
            using var response = await factory.DeliverAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await factory.WhenInboxIsEmptyAsync();

        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal("DELIVERED", (await _api.MessagesAsync(campaign.Id)).Single().Status);
        Assert.Equal((1, 1, 0, 0), (counts.SentCount, counts.DeliveredCount, counts.ReadCount, counts.FailedCount));
    }

    [Fact]
    public async Task StatusesOutOfOrderEndRead()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071010", "+966539071012"]);
        var (first, second) = (campaign.Messages[0], campaign.Messages[1]);

        // One delivery with read before delivered; then, for both, delivered and sent arriving after read.
        await DeliverOkAsync(Statuses(Status(first.Wamid, "read", first.Key), Status(first.Wamid, "delivered", first.Key, Timestamp - 5)));
        await DeliverOkAsync(Statuses(Status(second.Wamid, "read", second.Key)));
        await DeliverOkAsync(Statuses(Status(second.Wamid, "delivered", second.Key, Timestamp - 5), Status(second.Wamid, "sent", second.Key, Timestamp - 9)));
        await DeliverOkAsync(Statuses(Status(first.Wamid, "failed", first.Key, errors: Errors(131000, "Something went wrong", "Something went wrong", "late"))));
        await factory.WhenInboxIsEmptyAsync();

        var messages = await _api.MessagesAsync(campaign.Id);
        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal(["READ", "READ"], messages.Select(m => m.Status));
        Assert.All(messages, m => Assert.Equal(("", 0), (m.Error, m.ErrorCode)));
        Assert.Equal((2, 2, 2, 0), (counts.SentCount, counts.DeliveredCount, counts.ReadCount, counts.FailedCount));
    }

    [Fact]
    public async Task AFailedStatusKeepsMetasCodeAndMessage()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071014", "+966539071016"]);
        var (undeliverable, window) = (campaign.Messages[0], campaign.Messages[1]);

        await DeliverOkAsync(Statuses(
            Status(undeliverable.Wamid, "failed", undeliverable.Key, errors: Errors(131026, "Message undeliverable", "Message undeliverable", "Message Undeliverable.")),
            Status(window.Wamid, "failed", window.Key, errors: Errors(131047, "Re-engagement message", "Re-engagement message",
                "Message failed to send because more than 24 hours have passed since the customer last replied to this number."))));

        var failed = await Eventually.UntilAsync(() => _api.MessagesAsync(campaign.Id, "FAILED"), m => m.Count == 2, what: "two failures");
        Assert.Equal((131026, "Message undeliverable"), (failed[0].ErrorCode, failed[0].Error));
        Assert.Equal((131047, "Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number."),
            (failed[1].ErrorCode, failed[1].Error));
        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal((0, 2, Contracts.Campaigns.CampaignStatus.Failed), (counts.SentCount, counts.FailedCount, counts.Status));
    }

    [Fact]
    public async Task AStatusForAnOutcomeUnknownMessageSettlesItByItsKey()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071018", "+966539071020"], inDoubt: ["+966539071018", "+966539071020"]);
        var (sent, delivered) = (campaign.Messages[0], campaign.Messages[1]);

        await DeliverOkAsync(Statuses(
            Status("wamid.HBgLOTY2NTM5MDcxMDE4FQIAERgSQjFBNzc2", "sent", sent.Key),
            Status("wamid.HBgLOTY2NTM5MDcxMDIwFQIAERgSQjFBNzc3", "delivered", delivered.Key)));

        var messages = await Eventually.UntilAsync(() => _api.MessagesAsync(campaign.Id), m => m.All(x => x.Status != "FAILED"), what: "doubt settled");
        Assert.Equal(("SUBMITTED", "wamid.HBgLOTY2NTM5MDcxMDE4FQIAERgSQjFBNzc2", ""), (messages[0].Status, messages[0].ProviderMessageId, messages[0].Error));
        Assert.Equal(("DELIVERED", "wamid.HBgLOTY2NTM5MDcxMDIwFQIAERgSQjFBNzc3", ""), (messages[1].Status, messages[1].ProviderMessageId, messages[1].Error));
        var counts = await _api.CampaignAsync(campaign.Id);
        Assert.Equal((2, 1, 0), (counts.SentCount, counts.DeliveredCount, counts.FailedCount));
    }

    [Fact]
    public async Task HostileBodiesAreAnsweredAndSkippedWhileWhatCanBeReadIsApplied()
    {
        var campaign = await SeededMessages.SeedAsync(factory, ["+966539071022"]);
        var message = campaign.Messages[0];
        string[] hostile =
        [
            "", "not json", "[]", "null", "{\"entry\":null}", "{\"entry\":[null,1,\"x\",{\"changes\":{}}]}",
            "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[null,7,{\"id\":5,\"status\":\"read\"},{\"id\":\"" + message.Wamid + "\",\"status\":[\"read\"]},"
                + "{\"id\":\"" + new string('w', 5000) + "\",\"status\":\"read\"},{\"id\":\"" + message.Wamid + "\",\"status\":\"failed\",\"errors\":[{\"code\":\"x\"}]}]}}]}]}",
            "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"" + message.Wamid + "\",\"status\":\"delivered\",\"timestamp\":{\"a\":1},\"errors\":7,\"biz_opaque_callback_data\":[1]}]}}]}]}",
            new string('[', 5000) + new string(']', 5000),
        ];

        foreach (var body in hostile) await DeliverOkAsync(body);
        await factory.WhenInboxIsEmptyAsync();

        // The one readable status of the sixth body (failed, its code unreadable) is applied; the delivered after it cannot
        // move a failed message.
        var after = (await _api.MessagesAsync(campaign.Id)).Single();
        Assert.Equal(("FAILED", 0, "failed (WhatsApp gave no reason)"), (after.Status, after.ErrorCode, after.Error));
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIs413AndNotKept()
    {
        var body = "{\"entry\":[],\"pad\":\"" + new string('x', WhatsAppWebhookApi.MaxBodyBytes) + "\"}";

        using var response = await factory.DeliverAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await factory.Service<WebhookInbox>().CountAsync(default));
    }

    [Fact]
    public async Task ATemplateStatusWebhookUpdatesTheTemplate()
    {
        var templates = factory.Templates();
        var created = await templates.CreateTemplateAsync(new Contracts.Templates.CreateTemplateRequest
        {
            Name = "spring_sale", Category = "MARKETING", Language = "en_US",
            Creation = [new() { Type = "BODY", Text = "Spring sale: {{1}} off today", Examples = ["20%"] }],
        });
        Assert.Equal("PENDING", created.Status);

        await DeliverOkAsync(TemplateStatus("spring_sale", "en_US", "APPROVED"));
        await Eventually.UntilAsync(async () => (await templates.GetTemplatesAsync()).Items.Single(t => t.Id == created.Id).Status,
            status => status == "APPROVED", what: "approval");

        await DeliverOkAsync(TemplateStatus("spring_sale", "en-US", "PAUSED", reason: "NONE"));
        await DeliverOkAsync(TemplateStatus("spring_sale", "en_US", "FLAGGED"));
        await factory.WhenInboxIsEmptyAsync();
        Assert.Equal("PAUSED", (await templates.GetTemplatesAsync()).Items.Single(t => t.Id == created.Id).Status);
    }

    private async Task DeliverOkAsync(string body)
    {
        using var response = await factory.DeliverAsync(body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
