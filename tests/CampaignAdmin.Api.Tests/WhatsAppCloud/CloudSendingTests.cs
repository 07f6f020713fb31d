using System.Text.Json.Nodes;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Campaigns sent through the fake Graph API: what goes on the wire, and what each kind of answer makes of a message.</summary>
public sealed class CloudSendingTests
{
    private static readonly string Submitted = MessageStatus.Submitted.ToWire();
    private static readonly string Failed = MessageStatus.Failed.ToWire();
    private const string First = "+966539078942";
    private const string Second = "+966539078944";

    [Fact]
    public async Task EachMessageIsOneCloudApiRequestWithOurKeyAsCallbackData()
    {
        using var factory = new WhatsAppCloudFactory();
        var id = await CloudCampaigns.CreateAsync(factory, First, Second);

        var messages = await CloudCampaigns.SettledAsync(factory, id, Submitted);

        var sent = factory.Graph.Sends.Single(s => s.To == "966539078942");
        Assert.Equal((FakeGraphApi.Version, FakeGraphApi.PhoneNumberId, $"Bearer {WhatsAppCloudFactory.AccessToken}"),
            (sent.Version, sent.PhoneNumberId, sent.Authorization));
        var expected = JsonNode.Parse($$"""
            {
              "messaging_product": "whatsapp",
              "recipient_type": "individual",
              "to": "966539078942",
              "type": "template",
              "template": {
                "name": "spring_sale",
                "language": { "code": "en_US" },
                "components": [
                  { "type": "header", "parameters": [ { "type": "image", "image": { "link": "https://example.com/spring.png" } } ] },
                  { "type": "body", "parameters": [ { "type": "text", "text": "Customer \"0\"" }, { "type": "text", "text": "ORD-0" } ] },
                  { "type": "button", "sub_type": "url", "index": "0", "parameters": [ { "type": "text", "text": "track/0" } ] }
                ]
              },
              "biz_opaque_callback_data": "{{messages.To(First).MessageKey}}"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(sent.Body)), sent.Body);
        Assert.Equal(2, factory.Graph.Sends.Count);
        Assert.All(messages, m => Assert.StartsWith("wamid.HBgL", m.ProviderMessageId, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Equal((1, "", 0), (m.Attempts, m.Error, m.ErrorCode)));
        CloudCampaigns.AssertNoSecretLogged(factory);
    }

    [Fact]
    public async Task EveryErrorFamilyEndsAsDesignedKeepingMetasCodeAndWords()
    {
        using var factory = new WhatsAppCloudFactory();
        var graph = factory.Graph;
        string[] numbers = ["+966500000101", "+966500000102", "+966500000103", "+966500000104", "+966500000105", "+966500000106", "+966500000107", "+966500000108", "+966500000109"];
        graph.Script("966500000101", GraphAnswerScript.Fail(400, 131026, "(#131026) Message undeliverable", "The recipient is not on WhatsApp"));
        graph.Script("966500000102", GraphAnswerScript.Fail(400, 130429, "(#130429) Rate limit hit"), GraphAnswerScript.Accept());
        graph.Script("966500000103", GraphAnswerScript.Fail(500, 131000, "(#131000) Something went wrong"), GraphAnswerScript.Fail(500, 131000, "(#131000) Something went wrong"));
        graph.Script("966500000104", GraphAnswerScript.Fail(400, 132001, "(#132001) Template name does not exist in the translation", "template name (spring_sale) does not exist in en_US"));
        graph.Script("966500000105", GraphAnswerScript.Fail(400, 135000, "(#135000) Generic user error"));
        graph.Script("966500000106", GraphAnswerScript.Raw(200, """{"messaging_product":"whatsapp","messages":[{"id":42}]}"""));
        graph.Script("966500000107", GraphAnswerScript.Raw(400, "<html>Bad request</html>"));
        graph.Script("966500000108", GraphAnswerScript.Raw(503, "upstream down"), GraphAnswerScript.Accept());
        graph.Script("966500000109", GraphAnswerScript.Fail(429, 131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit"), GraphAnswerScript.Accept());
        var id = await CloudCampaigns.CreateAsync(factory, numbers);

        var messages = await CloudCampaigns.SettledAsync(factory, id, Submitted, Failed);

        Assert.Equal((Failed, 131026, "(#131026) Message undeliverable: The recipient is not on WhatsApp", 1), Outcome(messages.To(numbers[0])));
        Assert.Equal((Submitted, 0, "", 2), Outcome(messages.To(numbers[1])));
        // Dispatcher:MaxAttempts is 2 here: the second "something went wrong" is final.
        Assert.Equal((Failed, 131000, "(#131000) Something went wrong", 2), Outcome(messages.To(numbers[2])));
        Assert.Equal((Failed, 132001, "(#132001) Template name does not exist in the translation: template name (spring_sale) does not exist in en_US", 1),
            Outcome(messages.To(numbers[3])));
        Assert.Equal((Failed, 135000, "(#135000) Generic user error", 1), Outcome(messages.To(numbers[4])));
        Assert.Equal((Failed, 0, "outcome unknown: the Graph API accepted the request but its answer had no message id; the Graph API may have accepted it, check before resending", 1),
            Outcome(messages.To(numbers[5])));
        Assert.Equal((Failed, 0, "the Graph API refused the message (HTTP 400) without an error body", 1), Outcome(messages.To(numbers[6])));
        Assert.Equal((Submitted, 0, "", 2), Outcome(messages.To(numbers[7])));
        Assert.Equal((Submitted, 0, "", 2), Outcome(messages.To(numbers[8])));
        // Each retry waited for the pair limit: Meta saw the two tries to one number at least 6 s apart.
        var tries = graph.Sends.Where(s => s.To == "966500000109").Select(s => s.ArrivedAt).ToList();
        Assert.True(tries[1] - tries[0] >= TimeSpan.FromSeconds(6), $"{(tries[1] - tries[0]).TotalMilliseconds} ms apart");
        Assert.Equal(numbers.Length + 4, graph.Sends.Count);
    }

    [Fact]
    public async Task AnAnswerSlowerThanTheTimeoutLeavesTheOutcomeUnknownAndIsNotSentAgain()
    {
        using var factory = new WhatsAppCloudFactory();
        factory.Graph.Script("966539078942", GraphAnswerScript.Accept().After(WhatsAppCloudFactory.RequestTimeout * 3));
        var id = await CloudCampaigns.CreateAsync(factory, First, Second);

        var messages = await CloudCampaigns.SettledAsync(factory, id, Submitted, Failed);

        Assert.Equal((Failed, 0, "outcome unknown: no answer from the Graph API within 2 s; the Graph API may have accepted it, check before resending", 1),
            Outcome(messages.To(First)));
        Assert.Equal(Submitted, messages.To(Second).Status);
        Assert.Single(factory.Graph.Sends, s => s.To == "966539078942");
        Assert.Equal(1, await factory.Ledger().InDoubtAsync());
    }

    [Fact]
    public async Task ADroppedConnectionLeavesTheOutcomeUnknownAndIsNotSentAgain()
    {
        using var factory = new WhatsAppCloudFactory();
        factory.Graph.Script("966539078942", GraphAnswerScript.Drop());
        var id = await CloudCampaigns.CreateAsync(factory, First, Second);

        var messages = await CloudCampaigns.SettledAsync(factory, id, Submitted, Failed);

        Assert.Equal((Failed, 0, "outcome unknown: the connection to the Graph API failed before an answer; the Graph API may have accepted it, check before resending", 1),
            Outcome(messages.To(First)));
        Assert.Single(factory.Graph.Sends, s => s.To == "966539078942");
        Assert.Equal(1, await factory.Ledger().InDoubtAsync());
    }

    [Fact]
    public async Task ARefusedConnectionIsCertainlyNotSentSoItIsTriedAgainUpToTheLimit()
    {
        using var factory = new UnreachableGraphFactory();
        var id = await CloudCampaigns.CreateAsync(factory, First, Second);

        var messages = await CloudCampaigns.SettledAsync(factory, id, Failed);

        Assert.All(messages, m => Assert.Equal((Failed, 0, "not sent: could not connect to the Graph API", 2), Outcome(m)));
        Assert.Equal(0, await factory.Ledger().InDoubtAsync());
    }

    [Fact]
    public async Task TwoMessagesToOneNumberReachMetaAtLeastSixSecondsApart()
    {
        using var factory = new WhatsAppCloudFactory();
        var first = await CloudCampaigns.CreateAsync(factory, First, Second);
        var second = await CloudCampaigns.CreateAsync(factory, First, Second);

        await CloudCampaigns.SettledAsync(factory, first, Submitted);
        var again = await CloudCampaigns.SettledAsync(factory, second, Submitted);

        foreach (var number in new[] { "966539078942", "966539078944" })
        {
            var arrivals = factory.Graph.Sends.Where(s => s.To == number).Select(s => s.ArrivedAt).Order().ToList();
            Assert.Equal(2, arrivals.Count);
            Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromSeconds(6), $"{number}: {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms apart");
        }
        // Waiting for the pair limit is not an attempt.
        Assert.All(again, m => Assert.Equal(1, m.Attempts));
    }

    [Fact]
    public async Task TheTokenAndTheSecretsNeverReachALogLineEvenAtTrace()
    {
        using var factory = new WhatsAppCloudFactory();
        factory.Graph.Script("966539078942", GraphAnswerScript.Drop());
        factory.Graph.Script("966539078944", GraphAnswerScript.Fail(400, 131026, "(#131026) Message undeliverable"));
        var id = await CloudCampaigns.CreateAsync(factory, First, Second);

        await CloudCampaigns.SettledAsync(factory, id, Failed);

        // HttpClient logged every request to the Graph API, headers included, with their values redacted.
        Assert.Contains(factory.Logs.Entries, line => line.Category.StartsWith("System.Net.Http.HttpClient.GraphApi", StringComparison.Ordinal)
            && line.Message.Contains("Authorization", StringComparison.Ordinal));
        CloudCampaigns.AssertNoSecretLogged(factory);
    }

    private static (string, int, string, int) Outcome(CampaignMessage message) => (message.Status, message.ErrorCode, message.Error, message.Attempts);
}
