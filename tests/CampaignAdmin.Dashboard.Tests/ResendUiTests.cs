using System.Net;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The Resend button and "Resend all failed" on the campaign page: one click one request, warnings before duplicates.</summary>
public sealed class ResendUiTests : DashboardTestContext
{
    private const string OutcomeUnknown = "outcome unknown: the provider did not answer";

    private static string Key(int i) => $"{i:X30}";

    private static string Number(int i) => $"+9665390700{i:D2}";

    /// <summary>A finished campaign; message i is FAILED unless listed in <paramref name="delivered"/>.</summary>
    private List<CampaignMessage> Seed(int count, params int[] delivered)
    {
        var messages = Enumerable.Range(0, count).Select(i => new CampaignMessage
        {
            MessageKey = Key(i), CampaignId = 5, AccountId = Number(i), Params = [$"Name {i}"], Attempts = 1,
            Status = delivered.Contains(i) ? "DELIVERED" : "FAILED", ErrorCode = delivered.Contains(i) ? 0 : 131026,
            Error = delivered.Contains(i) ? "" : "Message undeliverable",
        }).ToList();
        Api.Messages.AddRange(messages);
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = count, SentCount = delivered.Length, DeliveredCount = delivered.Length,
            FailedCount = count - delivered.Length, CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
        return messages;
    }

    private IRenderedComponent<CampaignDetail> Open()
    {
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.Equal(Api.Messages.Count, page.FindAll("[data-testid=messages-grid] tbody tr").Count));
        return page;
    }

    private static AngleSharp.Dom.IElement Resend(IRenderedComponent<CampaignDetail> page, int i) => page.Find($"button[aria-label='Resend to {Number(i)}']");

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CampaignDetail> page, int i) =>
        page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains(Number(i), StringComparison.Ordinal));

    private AngleSharp.Dom.IElement DialogButton(string text) => Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static string Summary(IRenderedComponent<CampaignDetail> page) => page.Find("[data-testid=resend-all-summary] .mud-alert-message").TextContent.Trim();

    [Fact]
    public void ADoubleClickOnResendSendsOneRequestAndWritesOneAuditEntryEvenWhenTheResendFailsFast()
    {
        Seed(2, delivered: 1);
        Api.OnResend = async _ => throw await FakeCampaignApi.Error(HttpStatusCode.BadGateway, "(131026) Message undeliverable");
        var page = Open();

        Resend(page, 0).ClickSettled(detail: 1);
        // Failed again at once: the button is back before the double-click's second click arrives.
        page.WaitForAssertion(() => Assert.False(Resend(page, 0).HasAttribute("disabled")));
        Resend(page, 0).ClickSettled(detail: 2);

        Assert.Equal([Key(0)], Api.Resent);
        Assert.Single(Audit.Entries, e => e.Action == AuditActions.MessageResent);
    }

    [Fact]
    public void AFailedRowWithoutAMessageKeySaysSoAndOffersNoButton()
    {
        Seed(2);
        Api.Messages[1].MessageKey = "";
        var page = Open();

        Assert.Empty(Row(page, 1).QuerySelectorAll("button"));
        Assert.Equal("can't be resent: the API gave no message key", Row(page, 1).QuerySelector("[data-testid=no-message-key]")!.TextContent.Trim());
        Assert.NotNull(Resend(page, 0));
    }

    [Fact]
    public void ResendOfAnOutcomeUnknownRowAsksFirstAndSendsOnlyOnceConfirmed()
    {
        Seed(1)[0].Error = OutcomeUnknown;
        var page = Open();

        Resend(page, 0).ClickSettled();
        Dialogs.WaitForAssertion(() => Assert.Contains(
            $"Nobody knows whether WhatsApp delivered this message to {Number(0)}. Resending may give the customer a second copy.", Dialogs.Markup));
        Assert.True(Resend(page, 0).HasAttribute("disabled"));
        DialogButton("Cancel").ClickSettled();
        page.WaitForAssertion(() => Assert.False(Resend(page, 0).HasAttribute("disabled")));
        Assert.Empty(Api.Resent);

        Resend(page, 0).ClickSettled();
        Dialogs.WaitForAssertion(() => DialogButton("Resend anyway"));
        DialogButton("Resend anyway").ClickSettled();

        page.WaitForAssertion(() => Assert.NotNull(Row(page, 0).QuerySelector("[data-status=SUBMITTED]")));
        Assert.Equal([Key(0)], Api.Resent);
        Assert.Equal($"to {Number(0)}: SUBMITTED (its earlier outcome was unknown; resent after a warning)",
            Assert.Single(Audit.Entries, e => e.Action == AuditActions.MessageResent).Details);
    }

    [Fact]
    public void ResendAllLeavesOutOutcomeUnknownMessagesAndSaysHowManyAndWhy()
    {
        var messages = Seed(5, delivered: 4);
        messages[2].Error = OutcomeUnknown;
        messages[3].MessageKey = "";
        var page = Open();

        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=resend-all-count]"));

        Assert.Equal("This sends 2 failed messages again, one by one.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Assert.Equal("1 failed message ended \"outcome unknown\": nobody knows whether WhatsApp delivered it, so resending may give that customer " +
                     "a second copy. It is left out unless you include it.", Dialogs.Find("[data-testid=outcome-unknown-warning] .mud-alert-message").TextContent.Trim());
        Assert.Equal(["1 failed message can't be resent: the API gave no message key."],
            Dialogs.FindAll("[data-testid=resend-all-note]").Select(n => n.TextContent.Trim()));
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Resent 2 of 2 failed messages. Left out 1 \"outcome unknown\" message. " +
                                                 "1 failed message can't be resent: the API gave no message key.", Summary(page)));
        Assert.Equal([Key(0), Key(1)], Api.Resent);
    }

    [Fact]
    public void ResendAllIncludesOutcomeUnknownMessagesOnlyWhenTheBoxIsTicked()
    {
        Seed(3)[2].Error = OutcomeUnknown;
        var page = Open();

        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("input[data-testid=include-outcome-unknown]"));
        Assert.Equal("This sends 2 failed messages again, one by one.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Dialogs.Find("input[data-testid=include-outcome-unknown]").ChangeSettled(true);
        Assert.Equal("This sends 3 failed messages again, one by one.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Assert.Equal("Resend 3", Dialogs.Find("button[data-testid=resend-all-confirm]").TextContent.Trim());
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Resent 3 of 3 failed messages. That includes 1 \"outcome unknown\" message, on purpose.", Summary(page)));
        Assert.Equal([Key(0), Key(1), Key(2)], Api.Resent);
    }

    [Fact]
    public void AgainstAServerThatPagesNoFurtherTheGridAndResendAllReadTheSameWindowAndSaySo()
    {
        Seed(3);
        Api.IgnoresExtensions = true;
        Services.AddSingleton(new ApiCapabilities(windowSize: 2));
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.Equal(
            "Showing the first 2 messages this API returns; it pages no further, so the rest are not shown here. " +
            "Exports and “Resend all failed” read the same window.", page.Find("[data-testid=list-window]").TextContent.Trim()));
        Assert.Equal(2, page.FindAll("[data-testid=messages-grid] tbody tr").Count);
        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=resend-all-count]"));

        const string note = "This API gives at most 2 messages at once and pages no further, so only those were checked; there may be more failed messages.";
        Assert.Equal("This sends 2 failed messages again, one by one.", Dialogs.Find("[data-testid=resend-all-count]").TextContent.Trim());
        Assert.Equal([note], Dialogs.FindAll("[data-testid=resend-all-note]").Select(n => n.TextContent.Trim()));
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal($"Resent 2 of 2 failed messages. {note}", Summary(page)));
        Assert.Equal([Key(0), Key(1)], Api.Resent);
    }

    [Fact]
    public void ResendAllShowsProgressAndCancelStopsItAfterTheMessageBeingSent()
    {
        Seed(3);
        var gate = new TaskCompletionSource<CampaignMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.OnResend = request => request.MessageKey == Key(0) ? gate.Task : Task.FromResult(Api.Submitted(request.MessageKey));
        var page = Open();

        page.Find("button[data-testid=resend-all]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-testid=resend-all-confirm]"));
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();
        page.WaitForAssertion(() => Assert.Equal("Resending 0 of 3…", page.Find("[data-testid=resend-all-progress-text]").TextContent.Trim()));
        Assert.True(page.Find("button[data-testid=resend-all]").HasAttribute("disabled"));

        page.Find("button[data-testid=resend-all-cancel]").ClickSettled();
        gate.SetResult(Api.Submitted(Key(0)));

        page.WaitForAssertion(() => Assert.Equal("Resent 1 of 3 failed messages. Cancelled: 2 messages not sent.", Summary(page)));
        Assert.Equal([Key(0)], Api.Resent);
    }

    [Fact]
    public async Task LeavingThePageStopsResendAllCleanlyAndTheAuditSaysWhatWasSent()
    {
        Seed(3);
        var gate = new TaskCompletionSource<CampaignMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        Api.OnResend = request => request.MessageKey == Key(0) ? gate.Task : Task.FromResult(Api.Submitted(request.MessageKey));
        var page = Open();

        var run = page.Find("button[data-testid=resend-all]").ClickAsync(new MouseEventArgs());
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-testid=resend-all-confirm]"));
        Dialogs.Find("button[data-testid=resend-all-confirm]").ClickSettled();
        page.WaitForAssertion(() => Assert.Equal([Key(0)], Api.Resent));

        await DisposeComponentsAsync();
        gate.SetResult(Api.Submitted(Key(0)));
        await run.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([Key(0)], Api.Resent);
        Assert.False(Renderer.UnhandledException.IsCompleted);
        Assert.Equal("Resent 1 of 3 failed messages. Cancelled: 2 messages not sent.",
            Assert.Single(Audit.Entries, e => e.Action == AuditActions.ResendAllFailed).Details);
    }
}
