using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Contracts.Campaigns;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

public sealed class DispatcherTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly Client.ICampaignApi _api = factory.Campaigns();

    [Fact]
    public async Task SandboxNumbersEndingIn0000And0001FailAndOthersAreDeliveredAndReadWhenEven()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966501230000", "+966501230001", "+966539078942", "+966539078943"]));

        var done = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id),
            c => c.Status == CampaignStatus.Completed && c.ReadCount == 1 && c.DeliveredCount == 2, what: "receipts");
        var messages = (await _api.MessagesAsync(campaign.Id)).ToDictionary(m => m.AccountId);

        Assert.Equal(("FAILED", 131026), (messages["+966501230000"].Status, messages["+966501230000"].ErrorCode));
        Assert.Equal(("FAILED", 131049), (messages["+966501230001"].Status, messages["+966501230001"].ErrorCode));
        Assert.Equal("READ", messages["+966539078942"].Status);
        Assert.Equal("DELIVERED", messages["+966539078943"].Status);
        Assert.NotNull(messages["+966539078942"].ReadAt);
        Assert.StartsWith("wamid.sandbox.", messages["+966539078943"].ProviderMessageId);
        Assert.Equal((4, 2, 2, 1, 2), (done.Total, done.SentCount, done.DeliveredCount, done.ReadCount, done.FailedCount));
    }

    [Fact]
    public async Task PayloadsCarryTheClientsParamsJsonEscaped()
    {
        var request = OrderConfirmation(numbers: ["+966539078952", "+966539078954"]);
        request.Clients[0].Params = ["O\"Brien \\ \n", "محمد"];
        var campaign = await _api.CreateCampaignAsync(request);
        await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");

        await using var sandbox = await factory.SandboxDbAsync();
        var payload = await sandbox.Sends.Where(s => s.To == "+966539078952").Select(s => s.Payload).SingleAsync();
        using var document = System.Text.Json.JsonDocument.Parse(payload);
        var parameters = document.RootElement.GetProperty("template").GetProperty("components")[0].GetProperty("parameters");

        Assert.Equal("+966539078952", document.RootElement.GetProperty("to").GetString());
        Assert.Equal("O\"Brien \\ \n", parameters[0].GetProperty("text").GetString());
        Assert.Equal("محمد", parameters[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task ACampaignWhoseEveryMessageFailsEndsFailed()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: ["+966501250000", "+966501260000"]));

        var done = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status is CampaignStatus.Failed or CampaignStatus.Completed, what: "end");

        Assert.Equal((CampaignStatus.Failed, 2, 0), (done.Status, done.FailedCount, done.SentCount));
    }

    [Fact]
    public async Task AScheduledCampaignWaitsForItsTime()
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(sendAt: FutureSendAt(TimeSpan.FromSeconds(2)), numbers: ["+966539078962", "+966539078964"]));
        Assert.Equal(CampaignStatus.Scheduled, campaign.Status);
        Assert.All(await _api.MessagesAsync(campaign.Id), m => Assert.Equal("PENDING", m.Status));

        var done = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");

        Assert.Equal(2, done.SentCount);
    }

    [Fact]
    public async Task InvalidSendJsonFailsEachMessageWithoutAnError500()
    {
        var request = OrderConfirmation(numbers: ["+966539078972", "+966539078974"]);
        request.Json = """{ "to": "<accountID>", "type": "template", ... }""";

        var campaign = await _api.CreateCampaignAsync(request);
        var done = await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status is CampaignStatus.Failed, what: "failure");

        Assert.All(await _api.MessagesAsync(campaign.Id), m => Assert.Equal(100, m.ErrorCode));
        Assert.Equal(2, done.FailedCount);
    }
}
