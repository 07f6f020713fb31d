using System.Net;
using CampaignAdmin.Api.Tests.Infrastructure;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using Microsoft.EntityFrameworkCore;
using static CampaignAdmin.Api.Tests.Infrastructure.Requests;

namespace CampaignAdmin.Api.Tests;

// Without receipts: a resend's answer is exactly what the resend did (SUBMITTED), not a DELIVERED receipt that can land
// first on a busy machine (it did: the sandbox's 200 ms receipt beat the answer once under load).
public sealed class ResendTests(NoSandboxReceiptsFactory factory) : IClassFixture<NoSandboxReceiptsFactory>
{
    private readonly ICampaignApi _api = factory.Campaigns();

    private async Task<(CampaignResponse Campaign, CampaignMessage Failed)> FailedMessageAsync(string number)
    {
        var campaign = await _api.CreateCampaignAsync(OrderConfirmation(numbers: [number, "+966539078944"]));
        var failed = await Eventually.UntilAsync(() => _api.MessagesAsync(campaign.Id, "FAILED"), m => m.Count == 1, what: "a failure");
        await Eventually.UntilAsync(() => _api.CampaignAsync(campaign.Id), c => c.Status == CampaignStatus.Completed, what: "completion");
        return (campaign, failed[0]);
    }

    [Fact]
    public async Task ResendOfA0001FailureSucceedsAndCountsFollow()
    {
        var (campaign, failed) = await FailedMessageAsync("+966501310001");

        var resent = await _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey.ToLowerInvariant() });

        Assert.Equal(("SUBMITTED", "", 0, 2), (resent.Status, resent.Error, resent.ErrorCode, resent.Attempts));
        Assert.StartsWith("wamid.sandbox.", resent.ProviderMessageId);
        var after = await _api.CampaignAsync(campaign.Id);
        Assert.Equal((0, CampaignStatus.Completed), (after.FailedCount, after.Status));
        Assert.True(after.SentCount == 2);
    }

    [Fact]
    public async Task ResendOfAnUndeliverableNumberReturns502AndStaysFailed()
    {
        var (campaign, failed) = await FailedMessageAsync("+966501320000");

        var (status, error) = await FailureOf(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey }));

        Assert.Equal((HttpStatusCode.BadGateway, "(131026) Message undeliverable"), (status, error));
        var message = (await _api.MessagesAsync(campaign.Id, "FAILED")).Single();
        Assert.Equal((2, 131026), (message.Attempts, message.ErrorCode));
        Assert.Equal(1, (await _api.CampaignAsync(campaign.Id)).FailedCount);
    }

    [Fact]
    public async Task ResendOfAMessageThatIsNotFailedReturns400()
    {
        var (campaign, _) = await FailedMessageAsync("+966501330000");
        var delivered = (await _api.MessagesAsync(campaign.Id)).First(m => m.Status != "FAILED");

        var failure = await FailureOf(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = delivered.MessageKey }));

        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.OnlyFailedCanBeResent), failure);
    }

    [Fact]
    public async Task ResendOfAnUnknownOrMissingKeyIsAnError()
    {
        Assert.Equal((HttpStatusCode.NotFound, ErrorTexts.MessageNotFound),
            await FailureOf(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = "C030200170205C476A3B882B2702FF" })));
        Assert.Equal((HttpStatusCode.BadRequest, ErrorTexts.MessageKeyRequired),
            await FailureOf(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = " " })));
    }

    [Fact]
    public async Task ConcurrentResendsOfOneKeyMakeExactlyOneProviderCall()
    {
        var (_, failed) = await FailedMessageAsync("+966501340001");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await factory.Campaigns().ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = failed.MessageKey });
                return HttpStatusCode.OK;
            }
            catch (Refit.ApiException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Single(attempts, s => s == HttpStatusCode.OK);
        Assert.All(attempts.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        await using var sandbox = await factory.SandboxDbAsync();
        Assert.Equal(1, await sandbox.Sends.CountAsync(s => s.To == "+966501340001"));
    }
}
