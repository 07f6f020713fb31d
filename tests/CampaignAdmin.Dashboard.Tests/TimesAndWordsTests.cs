using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Audit;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Dashboard.Text;
using CampaignAdmin.Dashboard.Time;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Issue 11: every time says its zone in one format, the edit dialog keeps a campaign's own offset, counts are said right.</summary>
public sealed class TimesAndWordsTests : DashboardTestContext
{
    private void ViewerIn(string zone) => JSInterop.Setup<string?>("campaignAdmin.timeZone").SetResult(zone);

    private CampaignResponse Scheduled(string sendAt)
    {
        var campaign = new CampaignResponse
        {
            Id = 7, Name = "Winter promo", Status = CampaignStatus.Scheduled, TemplateName = "order_confirmation", Total = 2,
            SendAt = sendAt, CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        };
        Api.Campaigns.Add(campaign);
        return campaign;
    }

    /// <summary>The edit dialog's date, time and zone fields, and the ISO value they make.</summary>
    private (string Date, string Time, string Zone, string Iso) OpenEditDialog()
    {
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 7));
        page.WaitForAssertion(() => page.Find("button[data-testid=edit-campaign]"));
        page.Find("button[data-testid=edit-campaign]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=send-at-iso]"));
        return (Dialogs.Find("[data-testid=schedule-date] input, input[data-testid=schedule-date]").GetAttribute("value")!,
            Dialogs.Find("[data-testid=schedule-time] input, input[data-testid=schedule-time]").GetAttribute("value")!,
            Dialogs.Find("input[data-testid=schedule-zone]").GetAttribute("value")!,
            Dialogs.Find("[data-testid=send-at-iso]").TextContent);
    }

    [Fact]
    public void TheEditDialogOpensACampaignScheduledAt0900RiyadhAt0900InAsiaRiyadhForAViewerInLondon()
    {
        ViewerIn("Europe/London");
        Scheduled("2026-12-08T09:00:00+03:00");

        var (date, time, zone, iso) = OpenEditDialog();

        Assert.Equal(("2026-12-08", "09:00", "Asia/Riyadh", "2026-12-08T09:00:00+03:00"), (date, time, zone, iso));
        Assert.Equal("Sends in 646 days 21 h (09:00 Asia/Riyadh = 06:00 UTC)", Dialogs.Find("[data-testid=send-at-relative]").TextContent);
    }

    [Fact]
    public void TheEditDialogPrefersTheViewersZoneWhenItHasTheCampaignsOffset()
    {
        ViewerIn("Europe/London");
        Scheduled("2026-07-08T09:00:00+01:00");

        Assert.Equal(("2026-07-08", "09:00", "Europe/London", "2026-07-08T09:00:00+01:00"), OpenEditDialog());
    }

    [Fact]
    public void AnOffsetNoKnownZoneHasOpensAsAFixedUtcOffset()
    {
        ViewerIn("Europe/London");
        Scheduled("2026-12-08T09:00:00+05:45");

        Assert.Equal(("2026-12-08", "09:00", "UTC+05:45", "2026-12-08T09:00:00+05:45"), OpenEditDialog());
    }

    [Theory]
    [InlineData("2026-12-08T09:00:00+03:00", "Europe/London", "Asia/Riyadh")]
    [InlineData("2026-12-08T09:00:00+00:00", "Europe/London", "Europe/London")]
    [InlineData("2026-12-08T09:00:00Z", "Asia/Riyadh", "UTC")]
    [InlineData("2026-12-08T09:00:00+01:00", "Europe/London", "Europe/Paris")]
    [InlineData("2026-12-08T09:00:00-05:00", "Asia/Riyadh", "America/New_York")]
    [InlineData("2026-12-08T09:00:00+05:45", "Asia/Riyadh", "UTC+05:45")]
    [InlineData("2026-12-08T09:00:00-09:30", "Asia/Riyadh", "UTC-09:30")]
    public void AnOffsetFindsTheViewersZoneThenAKnownOneThenAFixedOne(string time, string viewer, string expected)
    {
        var zone = OffsetZones.For(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), BrowserTimeZone.Find(viewer)!);

        Assert.Equal(expected, zone.Id);
        Assert.Equal(zone.Id, BrowserTimeZone.Find(zone.Id)!.Id);
    }

    [Fact]
    public void TheCampaignListSaysWhichZoneItsTimesAreIn()
    {
        Scheduled("2025-03-10T09:00:00+03:00");
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=campaigns-grid] tbody tr")));

        var headers = page.FindAll("[data-testid=campaigns-grid] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Send time (Asia/Riyadh)", headers);
        Assert.Contains("Created (Asia/Riyadh)", headers);
        Assert.Contains("10 Mar 2025, 09:00", page.Find("[data-testid=campaigns-grid] tbody tr").TextContent);
    }

    [Fact]
    public void TheCampaignPageSaysWhichZoneItsTimesAreInAndHowTheSendTimeWasScheduled()
    {
        ViewerIn("Europe/London");
        Scheduled("2026-12-08T09:00:00+03:00");
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 7));
        page.WaitForAssertion(() => page.Find("[data-testid=times-in]"));

        Assert.Equal("Times in Europe/London (UTC+00:00).", page.Find("[data-testid=times-in]").TextContent);
        Assert.Contains("8 Dec 2026, 06:00", page.Markup);
        Assert.Equal("scheduled as 8 Dec 2026, 09:00 UTC+03:00", page.Find("[data-testid=scheduled-as]").TextContent);
        page.WaitForAssertion(() => Assert.Contains("Updated (Europe/London)",
            page.FindAll("[data-testid=messages-grid] thead th").Select(h => h.TextContent.Trim())));
    }

    [Fact]
    public void ACampaignSentOnCreationIsNotSaidToBeScheduledInUtc()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 7, Name = "Sent now", Status = CampaignStatus.Completed, Total = 2, SendAt = "2025-03-01T08:00:00Z", CreatedAt = "2025-03-01T08:00:00Z" });
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 7));
        page.WaitForAssertion(() => page.Find("[data-testid=times-in]"));

        Assert.Contains("1 Mar 2025, 11:00", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=scheduled-as]"));
    }

    [Fact]
    public void TheHistorySaysWhichZoneItsTimesAreInInThePagesOneFormat()
    {
        Audit.Entries.Add(new AuditEntry
        {
            AtUtc = new DateTime(2025, 3, 1, 9, 5, 42, DateTimeKind.Utc), UserEmail = "admin@test", Action = AuditActions.CampaignEdited, Outcome = AuditOutcomes.Done,
            CampaignId = 7, CampaignName = "Winter promo", Details = "renamed",
        });
        var table = Render<AuditTable>(p => p.Add(x => x.CampaignId, 7));
        table.WaitForAssertion(() => Assert.Single(table.FindAll("tbody tr")));

        Assert.Equal("When (Asia/Riyadh)", table.Find("thead th").TextContent.Trim());
        var when = table.Find("tbody tr td span");
        Assert.Equal("1 Mar 2025, 12:05", when.TextContent);
        Assert.Equal("2025-03-01 09:05:42 UTC", when.GetAttribute("title"));
    }

    [Theory]
    [InlineData(0, "message", "0 messages")]
    [InlineData(1, "failed message", "1 failed message")]
    [InlineData(2, "failed message", "2 failed messages")]
    [InlineData(1200, "campaign", "1,200 campaigns")]
    public void PluralSaysOneAndManyRight(int count, string noun, string expected) => Assert.Equal(expected, Plural.Of(count, noun));

    [Fact]
    public void ThePagingNoticeCountsOneMessageAsOne()
    {
        Assert.Equal("This API doesn't page or filter, so the dashboard does it over the 1 message it returned.",
            ListWindowNotice.Text(new ListWindow(1, 1000), "message"));
        Assert.Equal("Showing the first 1,000 campaigns this API returns; it pages no further, so the rest are not shown here.",
            ListWindowNotice.Text(new ListWindow(1000, 1000), "campaign"));
    }

    [Fact]
    public void ResendingOneFailedMessageIsSaidInTheSingularAndTheSummaryIsALiveRegion()
    {
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 2, SentCount = 1, DeliveredCount = 1, FailedCount = 1,
            CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
        Api.Messages.Add(new CampaignMessage { MessageKey = $"{1:X30}", CampaignId = 5, AccountId = "+966539070000", Status = "FAILED", ErrorCode = 131026, Error = "Message undeliverable", Attempts = 1 });
        Api.Messages.Add(new CampaignMessage { MessageKey = $"{2:X30}", CampaignId = 5, AccountId = "+966539078942", Status = "DELIVERED", Attempts = 1 });
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=messages-grid] tbody tr").Count));
        var live = page.Find("[data-testid=resend-all-live]");
        Assert.Equal(("status", "polite"), (live.GetAttribute("role"), live.GetAttribute("aria-live")));

        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=resend-all-count]"));
        Assert.Equal("This sends 1 failed message again, one by one.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Resent 1 of 1 failed message.",
            page.Find("[data-testid=resend-all-live] [data-testid=resend-all-summary] .mud-alert-message").TextContent.Trim()));
    }

    [Fact]
    public void TheErrorExplanationReadsAsAnError()
    {
        Api.Campaigns.Add(new CampaignResponse { Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 1, FailedCount = 1 });
        Api.Messages.Add(new CampaignMessage { MessageKey = $"{1:X30}", CampaignId = 5, AccountId = "+966539070000", Status = "FAILED", ErrorCode = 131026, Error = "Message undeliverable", Attempts = 1 });
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => page.Find("[data-testid=error-explanation]"));

        var explanation = page.Find("[data-testid=error-explanation]");
        Assert.Contains("mud-error-text", explanation.ClassList);
        Assert.DoesNotContain("mud-secondary-text", explanation.ClassList);
    }
}
