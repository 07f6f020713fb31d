using CampaignAdmin.Api.Sending.WhatsAppCloud;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Sending;
using Refit;

namespace CampaignAdmin.Api.Tests.WhatsAppCloud;

/// <summary>Meta refusing the access token (190 or HTTP 401) pauses all sending, keeps the queue, and says so.</summary>
public sealed class TokenPauseTests
{
    private const string Expired = "Error validating access token: Session has expired on Tuesday, 01-Dec-26 09:00:00 PST.";

    [Theory]
    [InlineData(401, 190)]
    [InlineData(401, 0)]
    [InlineData(400, 190)]
    public async Task ARefusedTokenPausesSendingForEveryoneAndTheQueueWaitsIntact(int httpStatus, int code)
    {
        using var factory = new WhatsAppCloudFactory();
        factory.Graph.Otherwise = _ => GraphAnswerScript.Fail(httpStatus, code, Expired);
        string[] numbers = ["+966500000201", "+966500000202", "+966500000203", "+966500000204", "+966500000205"];
        var id = await CloudCampaigns.CreateAsync(factory, numbers);

        var status = await Eventually.UntilAsync(() => Sending(factory).GetSendingAsync(), s => s.Paused, what: "sending paused");
        var (other, otherKey) = await factory.CreateCompanyAsync("Other company");
        var otherCampaign = await factory.Campaigns(otherKey).CreateCampaignAsync(CloudCampaigns.Request("+966500000301", "+966500000302"));
        var messages = await CloudCampaigns.SettledAsync(factory, id, MessageStatus.Pending.ToWire());
        var sentWhenPaused = factory.Graph.Sends.Count;
        // Nothing more may happen, which only time can show: a few dispatcher passes (50 ms apart here) and a pause read (1 s).
        await Task.Delay(TokenPause.ReadEvery * 2);

        Assert.Equal((true, MessageAnswers.TokenRefused, CloudTexts.TokenRefused), (status.Paused, status.PauseErrorCode, status.PauseReason));
        Assert.NotEqual("", status.PausedAt);
        Assert.Equal(sentWhenPaused, factory.Graph.Sends.Count);
        Assert.InRange(sentWhenPaused, 1, numbers.Length);
        // The messages that met the refusal say why, keep their attempt, and wait; the others were never claimed or were given back.
        Assert.All(messages, m => Assert.Equal(0, m.Attempts));
        Assert.All(messages.Where(m => m.Error.Length > 0), m => Assert.Equal(
            (MessageAnswers.TokenRefused, $"{CloudTexts.TokenRefused}: {Expired}"), (m.ErrorCode, m.Error)));
        Assert.All(await factory.Campaigns(otherKey).MessagesAsync(otherCampaign.Id), m => Assert.Equal((MessageStatus.Pending.ToWire(), 0), (m.Status, m.Attempts)));
        Assert.Equal(CampaignStatus.Sending, (await factory.Campaigns().CampaignAsync(id)).Status);
        // Every company sees it: they share the token.
        Assert.True((await Sending(factory, otherKey).GetSendingAsync()).Paused);
        Assert.Equal(1, await PauseRowsAsync(factory));
        _ = other;
        CloudCampaigns.AssertNoSecretLogged(factory);
    }

    [Fact]
    public async Task ARestartWithAWorkingTokenClearsThePauseAndSendsTheWholeQueueOnce()
    {
        using var database = new TestDatabase();
        string[] numbers = ["+966500000501", "+966500000502", "+966500000503"];
        int id;
        using (var refused = new SharedDatabaseCloudFactory(database))
        {
            refused.Graph.Otherwise = _ => GraphAnswerScript.Fail(401, 190, Expired);
            id = await CloudCampaigns.CreateAsync(refused, numbers);
            await Eventually.UntilAsync(() => Sending(refused).GetSendingAsync(), s => s.Paused, what: "sending paused");
            await CloudCampaigns.SettledAsync(refused, id, MessageStatus.Pending.ToWire());
        }

        using var restarted = new SharedDatabaseCloudFactory(database);
        var messages = await CloudCampaigns.SettledAsync(restarted, id, MessageStatus.Submitted.ToWire());

        Assert.False((await Sending(restarted).GetSendingAsync()).Paused);
        Assert.All(messages, m => Assert.Equal((1, "", 0), (m.Attempts, m.Error, m.ErrorCode)));
        Assert.Equal(numbers.Length, restarted.Graph.Sends.Count);
        Assert.Equal(0, await PauseRowsAsync(restarted));
    }

    [Fact]
    public async Task AResendWhilePausedIsNotSentAndSaysWhy()
    {
        using var factory = new WhatsAppCloudFactory();
        factory.Graph.Script("966500000401", GraphAnswerScript.Fail(400, 131026, "(#131026) Message undeliverable"));
        factory.Graph.Script("966500000402", GraphAnswerScript.Fail(401, 190, Expired));
        var id = await CloudCampaigns.CreateAsync(factory, "+966500000401", "+966500000402");
        var failed = (await Eventually.UntilAsync(() => factory.Campaigns().MessagesAsync(id),
            m => m.Any(x => x.Status == MessageStatus.Failed.ToWire()), what: "the 131026 failure")).Single(m => m.Status == MessageStatus.Failed.ToWire());
        await Eventually.UntilAsync(() => Sending(factory).GetSendingAsync(), s => s.Paused, what: "sending paused");
        var sends = factory.Graph.Sends.Count;

        var (status, error) = await Requests.FailureOf(() => factory.Campaigns().ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey }));

        Assert.Equal((System.Net.HttpStatusCode.BadGateway, $"(190) {CloudTexts.TokenRefused}"), (status, error));
        Assert.Equal(sends, factory.Graph.Sends.Count);
    }

    [Fact]
    public async Task TheSandboxSaysItIsNeverPausedAndItsPace()
    {
        using var factory = new ApiFactory();

        var status = await Sending(factory).GetSendingAsync();

        Assert.Equal(("sandbox", 0, false, "", 0, ""), (status.Provider, status.MessagesPerSecond, status.Paused, status.PauseReason, status.PauseErrorCode, status.PausedAt));
    }

    [Fact]
    public async Task TheNumbersTierIsThePaceTheApiSays()
    {
        using var factory = new WhatsAppCloudFactory();

        var status = await Sending(factory).GetSendingAsync();

        Assert.Equal(("whatsapp-cloud", 1000, false), (status.Provider, status.MessagesPerSecond, status.Paused));
    }

    private static ISendingApi Sending(ApiFactory factory, string key = ApiFactory.DemoKey) =>
        RestService.For<ISendingApi>(factory.Http(key), ServiceCollectionExtensions.StrictRefitSettings);

    private static async Task<long> PauseRowsAsync(WhatsAppCloudFactory factory)
    {
        await using var connection = await factory.OpenStoreAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {TokenPause.Table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
