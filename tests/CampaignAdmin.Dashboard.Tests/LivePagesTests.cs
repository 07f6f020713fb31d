using System.Net;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Live;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Issue 11: open pages follow pushed changes (coalesced), poll with back-off only without a push source, and say which.</summary>
public sealed class LivePagesTests : DashboardTestContext
{
    private const string FailedKey = "0123456789ABCDEF0123456789ABCD";
    private const string FailedNumber = "+966539070000";

    private LiveUpdates Hub => Services.GetRequiredService<LiveUpdates>();

    /// <summary>Campaign 5, sent an hour ago (<see cref="DashboardTestContext.Now"/>): one message delivered, one failed.</summary>
    private CampaignResponse Seed(string status = CampaignStatus.Completed, int sent = 1, int delivered = 1, int? read = 0)
    {
        var campaign = new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = status, TemplateName = "order_confirmation", Total = 2, SentCount = sent, DeliveredCount = delivered,
            FailedCount = 1, CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        };
        if (read is { } r) campaign.ReadCount = r;
        Api.Campaigns.Add(campaign);
        Api.Messages.Add(new CampaignMessage { MessageKey = "A" + FailedKey[1..], CampaignId = 5, AccountId = "+966539078942", Params = ["John", "ORD-1"], Status = "DELIVERED", Attempts = 1 });
        Api.Messages.Add(new CampaignMessage
        {
            MessageKey = FailedKey, CampaignId = 5, AccountId = FailedNumber, Params = ["Sara", "ORD-2"], Status = "FAILED",
            ErrorCode = 131026, Error = "Message undeliverable", Attempts = 1, UpdatedAt = "2025-03-01T08:00:00Z",
        });
        return campaign;
    }

    private IRenderedComponent<CampaignDetail> Open()
    {
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=messages-grid] tbody tr").Count));
        return page;
    }

    private static string LiveState(IRenderedComponent<CampaignDetail> page) => page.Find("[data-testid=live-state]").TextContent.Trim();

    private static string Stat(IRenderedComponent<CampaignDetail> page, string name) =>
        page.Find($"[data-testid=stat-{name}]").TextContent.Replace(" ", "").Replace("\n", "").Trim();

    private static AngleSharp.Dom.IElement FailedRow(IRenderedComponent<CampaignDetail> page) =>
        page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains(FailedNumber, StringComparison.Ordinal));

    [Fact]
    public void ASendingCampaignWithoutAPushSourceSaysItRefreshesEveryTwoSeconds()
    {
        Seed(CampaignStatus.Sending);
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Refreshing every 2 s: this Campaign API sends no live updates.", LiveState(page)));
    }

    [Fact]
    public void AVendorThatPagesNothingIsPolledFromFiveSeconds()
    {
        // Re-reading one campaign means reading its whole window of campaigns.
        Api.IgnoresExtensions = true;
        Seed(CampaignStatus.Sending);
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Refreshing every 5 s: this Campaign API sends no live updates.", LiveState(page)));
    }

    [Fact]
    public void ADeliveredButUnreadCampaignSentTodayKeepsASlowRefresh()
    {
        Seed(read: 0);
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Refreshing every 60 s: this Campaign API sends no live updates.", LiveState(page)));
    }

    [Fact]
    public void ACampaignWhoseMessagesAreAllFinalSaysItIsNotLive()
    {
        Seed(read: 1);
        var page = Open();

        page.WaitForAssertion(() => Assert.Equal("Not live: every message is final.", LiveState(page)));
    }

    [Fact]
    public void WithAPushSourceAReadReceiptAfterDeliveryShowsWithoutAReload()
    {
        Hub.AddSource(LiveSources.Embedded);
        Api.AnswersCopies = true;
        var campaign = Seed(read: 0);
        var page = Open();
        page.WaitForAssertion(() => Assert.Equal("Live: changes appear as they happen.", LiveState(page)));
        Assert.Equal("Read0", Stat(page, "read"));

        campaign.ReadCount = 1;
        Api.Messages[0].Status = "READ";
        Hub.Publish(new StatusChange(5, Api.Messages[0].MessageKey, "READ", LiveSources.Embedded));

        page.WaitForAssertion(() => Assert.Equal("Read1", Stat(page, "read")));
        page.WaitForAssertion(() => Assert.Contains("READ", page.FindAll("[data-testid=messages-grid] tbody tr")[0].InnerHtml));
    }

    [Fact]
    public void AWebhookChangeWithoutACampaignReachesTheOpenPage()
    {
        Hub.AddSource(LiveSources.Webhook);
        Api.AnswersCopies = true;
        var campaign = Seed(read: 0);
        var page = Open();

        campaign.ReadCount = 1;
        Hub.Publish(new StatusChange(null, Api.Messages[0].MessageKey, "read", LiveSources.Webhook));

        page.WaitForAssertion(() => Assert.Equal("Read1", Stat(page, "read")));
    }

    [Fact]
    public void AChangeOfAnotherCampaignIsNotReadAgain()
    {
        Hub.AddSource(LiveSources.Embedded);
        Seed(read: 0);
        var page = Open();
        var calls = Api.CampaignCalls;

        Hub.Publish(new StatusChange(6, "B" + FailedKey[1..], "READ", LiveSources.Embedded));
        Thread.Sleep(600);

        Assert.Equal(calls, Api.CampaignCalls);
    }

    [Fact]
    public void ABurstOfAThousandPushedChangesIsAFewReReadsAndTheLastOneShows()
    {
        Hub.AddSource(LiveSources.Embedded);
        Api.AnswersCopies = true;
        var campaign = Seed(CampaignStatus.Sending, read: 0);
        var page = Open();
        var calls = Api.CampaignCalls;

        for (var i = 1; i <= 1000; i++)
        {
            campaign.SentCount = i;
            Hub.Publish(new StatusChange(5, null, "SUBMITTED", LiveSources.Embedded));
        }

        page.WaitForAssertion(() => Assert.Equal("Sent1,000", Stat(page, "sent")));
        Thread.Sleep(600);
        var reReads = Api.CampaignCalls - calls;
        Assert.InRange(reReads, 1, 3);
    }

    [Fact]
    public void TheListSaysHowItKeepsCurrent()
    {
        Seed(CampaignStatus.Sending);
        RenderProviders();
        var list = Render<CampaignGrid>();
        list.WaitForAssertion(() => Assert.Equal("Refreshing every 2 s: this Campaign API sends no live updates.",
            list.Find("[data-testid=live-state]").TextContent.Trim()));

        Hub.AddSource(LiveSources.Embedded);

        list.WaitForAssertion(() => Assert.Equal("Live: changes appear as they happen.", list.Find("[data-testid=live-state]").TextContent.Trim()));
    }

    [Fact]
    public void AFailedResendThenASecondOneEachUpdateTheRowInPlaceAndSaySoForTheRecipient()
    {
        Api.AnswersCopies = true;
        Seed();
        var server = Api.Messages[1];
        Api.OnResend = async _ =>
        {
            // The API counts the attempt and fails it again, as the sandbox does for a number ending 0000.
            server.Attempts++;
            server.UpdatedAt = $"2025-03-01T08:5{server.Attempts}:00Z";
            throw await FakeCampaignApi.Error(HttpStatusCode.BadGateway, "(131026) Message undeliverable");
        };
        var page = Open();
        var row = FailedRow(page);

        page.Find($"button[aria-label='Resend to {FailedNumber}']").ClickSettled();
        Snackbars.WaitForAssertion(() => Assert.Contains($"Not resent (attempt 2): {FailedNumber} isn't on WhatsApp (131026).", Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal("2", FailedRow(page).Children[4].TextContent.Trim()));
        Assert.Contains("11:52", FailedRow(page).Children[5].TextContent);

        page.WaitForAssertion(() => Assert.False(page.Find($"button[aria-label='Resend to {FailedNumber}']").HasAttribute("disabled")));
        page.Find($"button[aria-label='Resend to {FailedNumber}']").ClickSettled();
        Snackbars.WaitForAssertion(() => Assert.Contains($"Not resent (attempt 3): {FailedNumber} isn't on WhatsApp (131026).", Snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal("3", FailedRow(page).Children[4].TextContent.Trim()));
        Assert.DoesNotContain("The messaging provider failed", Snackbars.Markup);
    }

    [Fact]
    public void ALiveReReadKeepsTheRowsAndTheirResendButtons()
    {
        Hub.AddSource(LiveSources.Embedded);
        Api.AnswersCopies = true;
        var campaign = Seed(CampaignStatus.Sending, read: 0);
        var page = Open();
        var button = page.FindComponents<ResendButton>().Single().Instance;
        var calls = Api.MessageCalls;

        campaign.SentCount = 2;
        Hub.Publish(new StatusChange(5, null, "SUBMITTED", LiveSources.Embedded));

        page.WaitForAssertion(() => Assert.True(Api.MessageCalls > calls));
        page.WaitForAssertion(() => Assert.Equal("Sent2", Stat(page, "sent")));
        Assert.Same(button, page.FindComponents<ResendButton>().Single().Instance);
    }
}
