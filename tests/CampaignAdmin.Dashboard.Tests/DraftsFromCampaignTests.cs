using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>"Duplicate" and "Follow up" on a campaign's page: a draft with the recipients and their params, opened in the builder.</summary>
public sealed class DraftsFromCampaignTests : DashboardTestContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static CampaignMessage Message(int i, string status, int code = 0, string error = "") => new()
    {
        MessageKey = $"{i:X30}", CampaignId = 5, AccountId = $"+9665390780{i:D2}", Params = [$"Name {i}", $"ORD-{i}"], Status = status,
        ErrorCode = code, Error = error, Attempts = 1,
    };

    private void Seed()
    {
        Api.Messages.AddRange(
        [
            Message(1, "FAILED", 131049, "(131049) held back"), Message(2, "FAILED", 131049, "(131049) held back"),
            Message(3, "FAILED", 131026, "(131026) Message undeliverable"), Message(4, "SUBMITTED"),
            Message(5, "DELIVERED"), Message(6, "DELIVERED"), Message(7, "READ"),
            Message(8, "FAILED", 0, "outcome unknown: the provider did not answer"),
        ]);
        Api.Campaigns.Add(new CampaignResponse
        {
            Id = 5, Name = "Spring sale", Status = CampaignStatus.Completed, Total = 8, SentCount = 4, DeliveredCount = 3, ReadCount = 1, FailedCount = 4,
            TempMsgId = TestTemplates.OrderConfirmationId, TemplateName = "order_confirmation", Message = "Thank you, {{1}}!",
            Json = TestTemplates.OrderConfirmation.Compose, SendAt = "2025-03-01T08:00:00Z", CreatedAt = "2025-03-01T08:00:00Z", UpdatedAt = "2025-03-01T08:00:00Z",
        });
    }

    private IRenderedComponent<CampaignDetail> Open()
    {
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=duplicate-campaign]").HasAttribute("disabled")));
        return page;
    }

    [Fact]
    public void DuplicateMakesADraftWithTheTemplateMessageAndEveryRecipientWithTheirParamsButNoScheduleAndOpensIt()
    {
        Seed();
        var page = Open();

        page.Find("[data-testid=duplicate-campaign]").ClickSettled();

        page.WaitForAssertion(() => Assert.Single(Drafts.All));
        var draft = Drafts.All[0];
        var content = Drafts.ContentOf(draft.Id);
        Assert.Equal(("Spring sale (copy)", TestTemplates.OrderConfirmationId, "Thank you, {{1}}!", false, true),
            (content.Name, content.TemplateId, content.Message, content.UseAdvancedJson, content.SendNow));
        Assert.Equal(Api.Messages.Select(m => string.Join(",", [m.AccountId, .. m.Params])), content.Rows.Select(r => string.Join(",", r)));
        Assert.Equal("Duplicate of campaign 5", draft.Origin);
        page.WaitForAssertion(() => Assert.EndsWith($"campaigns/new?draft={draft.Id}", Navigation.Uri, StringComparison.Ordinal));
        var entry = Assert.Single(Audit.Entries, e => e.Action == AuditActions.DraftCreated);
        Assert.Equal((5, "Duplicate of campaign 5; 8 recipients"), (entry.CampaignId!.Value, entry.Details));
    }

    [Fact]
    public void FollowUpShowsEachCohortsCountBeforeMakingTheDraftOfThePickedOne()
    {
        Seed();
        var page = Open();

        page.Find("[data-testid=follow-up-campaign]").ClickSettled();

        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=follow-up-confirm]"));
        string CountOf(string cohort) => Dialogs.Find($"[data-testid=cohort-count-{cohort}]").TextContent;
        Assert.Equal(("2 recipients", "1 recipient", "1 recipient", "2 recipients"),
            (CountOf("FailedRetryable"), CountOf("FailedForGood"), CountOf("NotDelivered"), CountOf("DeliveredNotRead")));
        Assert.StartsWith("1 failed message ended \"outcome unknown\" and is in no cohort", Dialogs.Find("[data-testid=cohort-outcome-unknown]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(Dialogs.FindAll("[data-testid=cohort-limit]"));
        Assert.Empty(Drafts.All);

        // The fourth choice: delivered but not read.
        Dialogs.FindAll("input[type=radio]")[3].ClickSettled();
        Dialogs.WaitForAssertion(() => Assert.Equal("Make draft of 2 recipients", Dialogs.Find("[data-testid=follow-up-confirm]").TextContent.Trim()));
        Dialogs.Find("[data-testid=follow-up-confirm]").ClickSettled();

        page.WaitForAssertion(() => Assert.Single(Drafts.All));
        var content = Drafts.ContentOf(Drafts.All[0].Id);
        Assert.Equal("Spring sale · follow-up: delivered but not read", content.Name);
        Assert.Equal(["+966539078005,Name 5,ORD-5", "+966539078006,Name 6,ORD-6"], content.Rows.Select(r => string.Join(",", r)));
        page.WaitForAssertion(() => Assert.Contains("campaigns/new?draft=", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void AgainstAnApiThatDoesNotPageTheFollowUpSaysItsCountsCoverWhatTheApiReturned()
    {
        Seed();
        Api.IgnoresExtensions = true;
        var page = Open();

        page.Find("[data-testid=follow-up-campaign]").ClickSettled();

        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=cohort-limit]"));
        Assert.Equal("2 recipients", Dialogs.Find("[data-testid=cohort-count-FailedRetryable]").TextContent);
        Assert.Equal("This API doesn't page, so these are counted over the 8 messages it returned at once.", Dialogs.Find("[data-testid=cohort-limit]").TextContent.Trim());
    }

    [Fact]
    public void AViewerCannotDuplicateOrFollowUp()
    {
        Seed();
        SignInAs(CampaignAdmin.Dashboard.Identity.DashboardRoles.Viewer);
        RenderProviders();
        var page = Render<CampaignDetail>(p => p.Add(x => x.Id, 5));

        page.WaitForAssertion(() => Assert.True(page.Find("[data-testid=duplicate-campaign]").HasAttribute("disabled")));
        Assert.True(page.Find("[data-testid=follow-up-campaign]").HasAttribute("disabled"));
        Assert.Equal("Creating campaigns needs the Marketer or Admin role; you are a Viewer.", page.Find("[data-testid=duplicate-campaign]").GetAttribute("title"));
    }
}
