using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>Drafts in the builder: saved after a pause (once), on leaving, reopened exactly, listed, deleted, gone once created.</summary>
public sealed class DraftsTests : BuilderTestBase
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static readonly DraftContent Saved = new()
    {
        Name = "Spring follow-up", TemplateId = TestTemplates.OrderConfirmationId, Message = "Hello {{1}}, your order {{2}} is on its way.",
        Region = "AE", SendNow = false, Date = new DateTime(2025, 3, 10), Time = new TimeSpan(9, 30, 0), ZoneId = "Asia/Riyadh", SelectedRow = 1,
        Rows = [["+966539078942", "Sara", "ORD-1"], ["0501234567", "Omar", "ORD-2"]],
    };

    private BuilderDriver OpenDraft(Guid id)
    {
        var popovers = RenderProviders();
        Navigation.NavigateTo($"campaigns/new?draft={id}");
        var page = Render<NewCampaign>();
        page.WaitForAssertion(() => page.Find("input[data-testid=campaign-name]"));
        return new BuilderDriver(page, popovers);
    }

    [Fact]
    public void TypingSavesTheDraftOnceAfterThePauseAndPutsItInTheAddress()
    {
        Services.Configure<DraftOptions>(o => o.SaveAfter = DraftLimits.SaveAfter);
        var builder = OpenBuilder();
        builder.NameInput.InputSettled("S");
        builder.NameInput.InputSettled("Sp");
        builder.NameInput.InputSettled("Spring");

        // Three keystrokes inside the second: nothing saved yet.
        Assert.Equal(0, Drafts.Saves);
        builder.Page.WaitForAssertion(() => Assert.Equal(1, Drafts.Saves));
        var draft = Assert.Single(Drafts.All);
        Assert.Equal("Spring", Drafts.ContentOf(draft.Id).Name);
        Assert.Equal("admin@test", draft.OwnerEmail);
        // The address bar only (history.replaceState): a Blazor navigation would close an open dialog, such as the import.
        builder.Page.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, call => call.Identifier == "campaignAdmin.replaceAddress"
            && ((string)call.Arguments[0]!).EndsWith($"campaigns/new?draft={draft.Id}", StringComparison.Ordinal)));
        builder.Page.WaitForAssertion(() => Assert.StartsWith("Draft saved at ", builder.Page.Find("[data-testid=draft-saved]").TextContent, StringComparison.Ordinal));

        // The next pause saves into the same draft.
        builder.NameInput.InputSettled("Spring sale");
        builder.Page.WaitForAssertion(() => Assert.Equal(2, Drafts.Saves));
        Assert.Equal("Spring sale", Drafts.ContentOf(Assert.Single(Drafts.All).Id).Name);
    }

    [Fact]
    public void AChangeAfterASaveSaysSavingUntilItIsSavedNotSavedAtTheEarlierMoment()
    {
        Services.Configure<DraftOptions>(o => o.SaveAfter = TimeSpan.FromMilliseconds(200));
        var builder = OpenBuilder();
        builder.NameInput.InputSettled("Spring");
        // Straight after the keystroke, in the same render: not saved yet, and the page says so.
        Assert.Equal("Saving your changes…", builder.Page.Find("[data-testid=draft-pending]").TextContent);
        Assert.Empty(builder.Page.FindAll("[data-testid=draft-saved]"));
        builder.Page.WaitForAssertion(() => Assert.StartsWith("Draft saved at ", builder.Page.Find("[data-testid=draft-saved]").TextContent, StringComparison.Ordinal));
        Assert.Empty(builder.Page.FindAll("[data-testid=draft-pending]"));

        // A later change takes "saved" away until it too is saved.
        builder.NameInput.InputSettled("Spring sale");
        Assert.Equal("Saving your changes…", builder.Page.Find("[data-testid=draft-pending]").TextContent);
        Assert.Empty(builder.Page.FindAll("[data-testid=draft-saved]"));
        builder.Page.WaitForAssertion(() => Assert.Equal(2, Drafts.Saves));
        builder.Page.WaitForAssertion(() => builder.Page.Find("[data-testid=draft-saved]"));
        Assert.Equal("Spring sale", Drafts.ContentOf(Assert.Single(Drafts.All).Id).Name);
    }

    [Fact]
    public void LeavingThePageSavesAtOnceWhatThePauseHadNotYet()
    {
        Services.Configure<DraftOptions>(o => o.SaveAfter = TimeSpan.FromMinutes(10));
        var builder = OpenBuilder();
        builder.NameInput.InputSettled("Before lunch");

        Navigation.NavigateTo("campaigns");

        builder.Page.WaitForAssertion(() => Assert.Equal(1, Drafts.Saves));
        Assert.Equal("Before lunch", Drafts.ContentOf(Assert.Single(Drafts.All).Id).Name);
        // The person goes where they clicked: the new draft does not bring the builder's address back.
        // (The navigation completes once the save it waited for has returned.)
        builder.Page.WaitForAssertion(() => Assert.EndsWith("/campaigns", Navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void ReopeningADraftRestoresEveryFieldEveryRowAndTheSchedule()
    {
        var id = Drafts.Add(Saved);

        var builder = OpenDraft(id);

        Assert.Equal("Spring follow-up", builder.NameInput.GetAttribute("value"));
        Assert.Equal("order_confirmation", builder.TemplateInput.GetAttribute("value"));
        Assert.Equal("Hello {{1}}, your order {{2}} is on its way.", builder.Message);
        builder.Page.WaitForAssertion(() => Assert.Equal(2, builder.RowCount));
        Assert.Equal("+966539078942", builder.Cell(1, "Account ID").GetAttribute("value"));
        Assert.Equal("Sara", builder.Cell(1, "{{1}}").GetAttribute("value"));
        Assert.Equal("ORD-2", builder.Cell(2, "{{2}}").GetAttribute("value"));
        // The number without + is read in the country the draft was saved with.
        Assert.Contains("United Arab Emirates", builder.Page.Find("input[data-testid=default-country]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal("2025-03-10T09:30:00+03:00", builder.Page.Find("[data-testid=send-at-iso]").TextContent);
        Assert.StartsWith("Row 2 · 0501234567", builder.Page.Find("[data-testid=preview-caption]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Draft reopened as it was last saved.", builder.Page.Find("[data-testid=draft-opened]").TextContent);
        // Opening is not a change: nothing is saved.
        Assert.Equal(0, Drafts.Saves);
    }

    [Fact]
    public void ADraftThatIsGoneOpensANewCampaignAndSaysSo()
    {
        var builder = OpenDraft(Guid.NewGuid());

        Assert.Equal("That draft no longer exists (it was deleted, or its campaign was created). This is a new campaign.",
            builder.Page.Find("[data-testid=draft-gone]").TextContent.Trim());
        Assert.Equal("", builder.NameInput.GetAttribute("value"));
    }

    [Fact]
    public void CreatingTheCampaignFromADraftDeletesTheDraftAndAuditsIt()
    {
        var id = Drafts.Add(Saved with { SendNow = true, Rows = [["+966539078942", "Sara", "ORD-1"], ["+966539078943", "Omar", "ORD-2"]] });
        var builder = OpenDraft(id);

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.Single(Api.Created));
        builder.Page.WaitForAssertion(() => Assert.Empty(Drafts.All));
        var entry = Assert.Single(Audit.Entries, e => e.Action == AuditActions.DraftDeleted);
        Assert.Equal("draft \"Spring follow-up\"", entry.Target);
        Assert.Equal("campaign 42 was created from it", entry.Details);
    }

    [Fact]
    public void TheCampaignsPageListsDraftsNewestFirstWithWhoSavedThemAndWhen()
    {
        Drafts.Add(Saved with { Name = "Older" }, owner: "sara@test", updatedAtUtc: new DateTime(2025, 2, 28, 7, 0, 0, DateTimeKind.Utc));
        Drafts.Add(Saved with { Name = "Newer" }, owner: "omar@test", updatedAtUtc: new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        RenderProviders();

        var page = Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=drafts-grid] tbody tr").Count));
        var rows = page.FindAll("[data-testid=drafts-grid] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Take(4).Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(["Newer | 2 | omar@test | 1 Mar 2025, 11:00", "Older | 2 | sara@test | 28 Feb 2025, 10:00"], rows);
        Assert.Equal("Last change (Asia/Riyadh)", page.FindAll("[data-testid=drafts-grid] th")[3].TextContent);
        Assert.Equal($"campaigns/new?draft={Drafts.All.Single(d => d.Name == "Newer").Id}", page.Find("a[aria-label='Open draft Newer']").GetAttribute("href"));
    }

    [Fact]
    public void DeletingADraftAsksFirstThenDeletesAndAuditsIt()
    {
        Drafts.Add(Saved with { Name = "Keep" });
        Drafts.Add(Saved with { Name = "Drop" }, updatedAtUtc: new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        RenderProviders();
        var page = Render<CampaignsPage>();
        page.WaitForAssertion(() => page.Find("button[aria-label='Delete draft Drop']"));

        page.Find("button[aria-label='Delete draft Drop']").ClickSettled();
        Dialogs.WaitForAssertion(() => Assert.Contains("Delete the draft \"Drop\"?", Dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(2, Drafts.All.Count);
        Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete draft").ClickSettled();

        page.WaitForAssertion(() => Assert.Equal("Keep", Assert.Single(Drafts.All).Name));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=drafts-grid] tbody tr")));
        var entry = Assert.Single(Audit.Entries, e => e.Action == AuditActions.DraftDeleted);
        Assert.Equal(("draft \"Drop\"", "deleted from the drafts list", AuditOutcomes.Done), (entry.Target, entry.Details, entry.Outcome));
    }

    [Fact]
    public async Task AViewerSeesTheDraftsButCannotOpenDeleteOrSaveOne()
    {
        var id = Drafts.Add(Saved);
        SignInAs(DashboardRoles.Viewer);
        RenderProviders();
        var page = Render<CampaignsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=drafts-grid]"));
        Assert.Empty(page.FindAll("a[aria-label^='Open draft']"));
        Assert.True(page.Find("button[aria-label='Delete draft Spring follow-up']").HasAttribute("disabled"));
        Assert.Contains("Editing drafts needs the Marketer or Admin role.", page.Find("[data-testid=drafts]").TextContent, StringComparison.Ordinal);
        // The server refuses too, whatever the page shows.
        var actions = Services.GetRequiredService<DraftActions>();
        await Assert.ThrowsAsync<CampaignAdmin.Dashboard.Security.ActionRefusedException>(() => actions.DeleteAsync(id, "Spring follow-up"));
        await Assert.ThrowsAsync<CampaignAdmin.Dashboard.Security.ActionRefusedException>(() => actions.SaveAsync(id, Saved, Saved.Compress()));
        Assert.Single(Drafts.All);
        Assert.Equal(AuditOutcomes.Refused, Assert.Single(Audit.Entries, e => e.Action == AuditActions.DraftDeleted).Outcome);
    }
}
