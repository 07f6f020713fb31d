using System.Net;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Components.Layout;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

public sealed class CampaignDetailTests : DashboardTestContext
{
    private const string FailedKey = "0123456789ABCDEF0123456789ABCD";
    private const string FailedNumber = "+966539070000";

    private CampaignResponse Seed(string status, int sent = 1, int failed = 1)
    {
        var campaign = new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = status, TemplateName = "order_confirmation", Lang = "en_US",
            Total = 2, SentCount = sent, DeliveredCount = sent, FailedCount = failed,
            SendAt = "2025-03-10T09:00:00+03:00", CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        };
        Api.Campaigns.Add(campaign);
        Api.Messages.Add(new CampaignMessage { MessageKey = "A" + FailedKey[1..], CampaignId = 5, AccountId = "+966539078942", Params = ["John", "ORD-1"], Status = "DELIVERED", Attempts = 1 });
        Api.Messages.Add(new CampaignMessage
        {
            MessageKey = FailedKey, CampaignId = 5, AccountId = FailedNumber, Params = ["Sara", "ORD-2"], Status = "FAILED",
            ErrorCode = 131026, Error = "Message undeliverable", Attempts = 1,
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

    private static AngleSharp.Dom.IElement FailedRow(IRenderedComponent<CampaignDetail> page) =>
        page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains(FailedNumber, StringComparison.Ordinal));

    [Fact]
    public void AReadCountTheApiDoesNotSendIsUnknownNotZero()
    {
        Seed(CampaignStatus.Completed);
        var unknown = Open();
        Assert.Equal("Read—", unknown.Find("[data-testid=stat-read]").TextContent.Trim().Replace(" ", "").Replace("\n", ""));

        Api.Campaigns.Single().ReadCount = 0;
        var known = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        known.WaitForAssertion(() => Assert.Equal("Read0", known.Find("[data-testid=stat-read]").TextContent.Trim().Replace(" ", "").Replace("\n", "")));
    }

    [Fact]
    public void AFailedRowExplainsItsErrorCode()
    {
        Seed(CampaignStatus.Completed);
        var page = Open();

        var row = FailedRow(page);
        Assert.Contains("131026", row.TextContent);
        Assert.Contains("the number is not on WhatsApp", row.QuerySelector("[data-testid=error-explanation]")!.TextContent);
    }

    [Fact]
    public void AMessageWithoutAnAccountIdShowsADashThatSaysWhy()
    {
        Seed(CampaignStatus.Completed);
        Api.Messages[0].AccountId = "";
        var page = Open();

        var cell = page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains("John", StringComparison.Ordinal)).Children[0];
        Assert.Equal("—", cell.TextContent.Trim());
        Assert.Equal("The API gave no account ID", cell.QuerySelector("[data-testid=no-account-id]")!.GetAttribute("title"));
        Assert.Equal(FailedNumber, FailedRow(page).Children[0].TextContent.Trim());
    }

    [Fact]
    public void ArabicValuesAndMessagesKeepTheirDirectionAndTheTemplateOrder()
    {
        var campaign = Seed(CampaignStatus.Completed);
        campaign.Message = "مرحباً {{1}}، تم شحن طلبك رقم {{2}}.";
        Api.Messages[0].Params = ["محمد", "ORD-30871"];
        var page = Open();

        var row = page.FindAll("[data-testid=messages-grid] tbody tr").Single(r => r.TextContent.Contains("+966539078942", StringComparison.Ordinal));
        // Each value is its own bidi island, in {{1}}, {{2}} order: an Arabic name does not flip the row's order.
        Assert.Equal(["محمد", "ORD-30871"], row.QuerySelectorAll("bdi[data-testid=message-value]").Select(v => v.TextContent));
        Assert.Equal("محمد · ORD-30871", row.Children[1].TextContent.Trim());
        Assert.Contains(page.FindAll("bdi"), b => b.TextContent == campaign.Message);
        Assert.Equal("131026 Message undeliverable", FailedRow(page).Children[3].QuerySelector(".mud-typography")!.TextContent.Trim());
    }

    [Fact]
    public void ResendIsDisabledWhileInFlightSendsOneRequestAndUpdatesTheRowInPlace()
    {
        Seed(CampaignStatus.Completed);
        var gate = new TaskCompletionSource<CampaignMessage>();
        Api.OnResend = _ => gate.Task;
        var page = Open();

        var button = page.Find($"button[aria-label='Resend to {FailedNumber}']");
        button.ClickSettled();

        var inFlight = page.Find($"button[aria-label='Resend to {FailedNumber}']");
        Assert.True(inFlight.HasAttribute("disabled"));
        Assert.Contains("Resending", inFlight.TextContent);
        inFlight.ClickSettled();
        Assert.Single(Api.Resent);

        gate.SetResult(Api.Submitted(FailedKey));

        page.WaitForAssertion(() => Assert.NotNull(FailedRow(page).QuerySelector("[data-status=SUBMITTED]")));
        Assert.Empty(page.FindAll($"button[aria-label='Resend to {FailedNumber}']"));
        Snackbars.WaitForAssertion(() => Assert.Contains($"Resent to {FailedNumber}: SUBMITTED.", Snackbars.Markup));
        Assert.Single(Api.Resent);
    }

    [Fact]
    public void AResendTheProviderRejectsShowsItsErrorAndLeavesTheRowFailed()
    {
        Seed(CampaignStatus.Completed);
        Api.OnResend = async _ => throw await FakeCampaignApi.Error(HttpStatusCode.BadGateway, "(131026) Message undeliverable");
        var page = Open();

        page.Find($"button[aria-label='Resend to {FailedNumber}']").ClickSettled();

        // Said for this recipient, not as an outage of "the messaging provider".
        Snackbars.WaitForAssertion(() => Assert.Contains($"{FailedNumber} isn't on WhatsApp (131026).", Snackbars.Markup));
        Assert.DoesNotContain("The messaging provider failed", Snackbars.Markup);
        page.WaitForAssertion(() => Assert.False(page.Find($"button[aria-label='Resend to {FailedNumber}']").HasAttribute("disabled")));
        Assert.NotNull(FailedRow(page).QuerySelector("[data-status=FAILED]"));
    }

    [Fact]
    public void EditIsDisabledWithTheReasonWhenTheCampaignIsNotScheduled()
    {
        Seed(CampaignStatus.Completed);
        var page = Open();

        Assert.True(page.Find("button[data-testid=edit-campaign]").HasAttribute("disabled"));
        Assert.Equal("Only scheduled campaigns can be edited; this one is completed.", page.Find("[data-testid=edit-disabled-reason]").TextContent);
    }

    [Fact]
    public void TheReasonEditIsDisabledUsesTheChipsWordForAVendorsStatus()
    {
        Seed("PROCESSING");
        var page = Open();

        Assert.Equal("sending", page.Find(".page-header [data-state]").TextContent.Trim());
        Assert.Equal("Only scheduled campaigns can be edited; this one is sending.", page.Find("[data-testid=edit-disabled-reason]").TextContent);
    }

    [Fact]
    public void AScheduledCampaignCanBeRenamed()
    {
        Seed(CampaignStatus.Scheduled, sent: 0, failed: 0);
        var page = Open();

        page.Find("button[data-testid=edit-campaign]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("input[data-testid=edit-name]"));
        Dialogs.Find("input[data-testid=edit-name]").InputSettled("Spring sale v2");
        Assert.Equal("2025-03-10T09:00:00+03:00", Dialogs.Find("[data-testid=send-at-iso]").TextContent);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Save").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Spring sale v2", page.Find("[data-testid=campaign-name-heading]").TextContent));
        var update = Assert.Single(Api.Updated);
        Assert.Equal(5, update.Id);
        Assert.Equal("2025-03-10T09:00:00+03:00", update.SendAt);
    }

    [Fact]
    public void DeletingACampaignWithSentMessagesNeedsItsNameTyped()
    {
        Seed(CampaignStatus.Completed);
        var page = Open();

        page.Find("button[data-testid=delete-campaign]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-testid=delete-confirm]"));
        Assert.True(Dialogs.Find("button[data-testid=delete-confirm]").HasAttribute("disabled"));

        Dialogs.Find("input[data-testid=delete-confirm-name]").InputSettled("Spring");
        Assert.True(Dialogs.Find("button[data-testid=delete-confirm]").HasAttribute("disabled"));
        Dialogs.Find("input[data-testid=delete-confirm-name]").InputSettled("Spring sale");
        Dialogs.Find("button[data-testid=delete-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal([5], Api.Deleted));
        page.WaitForAssertion(() => Assert.EndsWith("/campaigns", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public void DeletingAScheduledCampaignOnlyAsksForConfirmation()
    {
        Seed(CampaignStatus.Scheduled, sent: 0, failed: 0);
        var page = Open();

        page.Find("button[data-testid=delete-campaign]").ClickSettled();
        Dialogs.WaitForAssertion(() => Dialogs.Find("button[data-testid=delete-confirm]"));
        Assert.Empty(Dialogs.FindAll("input[data-testid=delete-confirm-name]"));
        Dialogs.Find("button[data-testid=delete-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal([5], Api.Deleted));
    }
}
