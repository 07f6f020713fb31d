using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Sending;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The campaign pages say when the API has paused all sending (a refused WhatsApp token), and the campaign page the pace.</summary>
public sealed class SendingNoticeTests : DashboardTestContext
{
    private const string Banner = "Sending paused: the access token was refused. Since 2025-03-01 08:55:00 UTC. Nothing is sent until an operator fixes " +
        "WhatsAppCloud:AccessToken and restarts the API; queued messages wait and keep their attempts.";

    private readonly FakeSendingApi _sending = new();

    public SendingNoticeTests()
    {
        Services.AddSingleton<ISendingApi>(_sending);
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Sending, TemplateName = "order_confirmation", Lang = "en_US", Total = 2,
            CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
    }

    [Fact]
    public void TheCampaignListSaysSendingIsPaused()
    {
        _sending.Status = Paused();

        var page = Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Equal(Banner, Normalized(page.Find("[data-testid=sending-paused]").TextContent)));
        Assert.Empty(page.FindAll("[data-testid=sending-rate]"));
    }

    [Fact]
    public void TheCampaignPageSaysSendingIsPausedAndThePace()
    {
        _sending.Status = Paused();
        RenderProviders();

        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.Equal(Banner, Normalized(page.Find("[data-testid=sending-paused]").TextContent)));
        Assert.Equal("Sending at up to 1,000 messages a second across all campaigns (whatsapp-cloud).", page.Find("[data-testid=sending-rate]").TextContent);
    }

    [Fact]
    public void WhileSendingThereIsNoBannerOnlyThePace()
    {
        _sending.Status = new SendingStatus { Provider = "whatsapp-cloud", MessagesPerSecond = 80 };
        RenderProviders();

        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.Equal("Sending at up to 80 messages a second across all campaigns (whatsapp-cloud).", page.Find("[data-testid=sending-rate]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=sending-paused]"));
    }

    [Fact]
    public void AnApiWithoutTheSendingEndpointShowsNeither()
    {
        _sending.Missing = true;
        RenderProviders();

        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.Equal(1, _sending.Calls));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-read]")));
        Assert.Empty(page.FindAll("[data-testid=sending-paused]"));
        Assert.Empty(page.FindAll("[data-testid=sending-rate]"));
    }

    private static SendingStatus Paused() => new()
    {
        Provider = "whatsapp-cloud", MessagesPerSecond = 1000, Paused = true, PauseErrorCode = 190,
        PauseReason = "sending paused: the access token was refused", PausedAt = "2025-03-01T08:55:00Z",
    };

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class FakeSendingApi : ISendingApi
    {
        public SendingStatus Status { get; set; } = new();

        /// <summary>Plays the vendor's API, which has no <c>/v2/sending</c>.</summary>
        public bool Missing { get; set; }

        public int Calls { get; private set; }

        public async Task<SendingStatus> GetSendingAsync(CancellationToken cancellationToken = default)
        {
            Calls++;
            await Task.Yield();
            if (!Missing) return Status;
            using var response = new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://api/v2/sending") };
            throw await ApiException.Create(response.RequestMessage, HttpMethod.Get, response, new RefitSettings());
        }
    }
}
