using System.Security.Claims;
using Bunit;
using CampaignAdmin.Dashboard.Approvals;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Approvals;
using CampaignAdmin.Dashboard.Components.Layout;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests.Approvals;

/// <summary>The Approvals pages and the builder's submit, on the fake API and the in-memory drafts.</summary>
public sealed class ApprovalPagesTests : BuilderTestBase
{
    private static readonly DraftContent Order = new()
    {
        Name = "Order follow-up", TemplateId = TestTemplates.OrderConfirmationId, Message = "Thank you for your order, {{1}}! Your order number is {{2}}.",
        Region = "SA", Rows = [["+966539078942", "John", "ORD-1"], ["0539078944", "Sara", "ORD-2"]],
    };

    private Guid Submitted(string makerId = "id-maker")
    {
        var id = Drafts.Add(Order, owner: "maker@test");
        var draft = Drafts.All.Single(d => d.Id == id);
        (draft.OwnerId, draft.SubmittedById, draft.SubmittedByEmail, draft.State, draft.SubmittedAtUtc) =
            (makerId, makerId, "maker@test", DraftState.AwaitingApproval, new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc));
        return id;
    }

    private void SignInWithId(string role, string id)
    {
        SignInAs(role);
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
    }

    [Fact]
    public void ApprovalsPageListsWaitingCampaignsWithMakerTimeRecipientsAndTemplate()
    {
        var id = Submitted();
        SignInWithId(DashboardRoles.Approver, "id-checker");
        var page = Render<ApprovalsPage>();

        page.WaitForAssertion(() => page.Find($"tr[data-draft='{id}']"));
        var cells = page.FindAll($"tr[data-draft='{id}'] td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Order follow-up", "maker@test", "1 Mar 2025, 11:30", "2", "order_confirmation", "Awaiting approval"], cells);
        Assert.Equal($"approvals/{id}", page.Find($"tr[data-draft='{id}'] a").GetAttribute("href"));
    }

    [Fact]
    public void AViewerIsToldWhyAndHasNoApprovalsLink()
    {
        Submitted();
        SignInAs(DashboardRoles.Viewer);
        var page = Render<ApprovalsPage>();
        page.WaitForAssertion(() => Assert.Equal("The approvals could not be loaded: Approving campaigns needs the Approver or Admin role; you are a Viewer.",
            page.Find("[data-testid=approvals-error]").TextContent.Trim()));
        Assert.DoesNotContain("Approvals", Render<NavMenu>().Markup);

        SignInAs(DashboardRoles.Approver);
        Assert.Contains("href=\"approvals\"", Render<NavMenu>().Markup);
    }

    [Fact]
    public void ReviewShowsCountsRowsAndPreviewThenApproveCreatesTheCampaignAndOpensIt()
    {
        var id = Submitted();
        SignInWithId(DashboardRoles.Approver, "id-checker");
        RenderProviders();
        var page = Render<ApprovalReview>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=approval-recipients]").TextContent));
        // As the builder would send them: numbers in E.164 (the second was typed without +).
        Assert.Equal(["1+966539078942John · ORD-1", "2+966539078944Sara · ORD-2"], page.FindAll("[data-testid=approval-rows] tbody tr").Select(tr => tr.TextContent.Trim()).ToList());
        Assert.Equal("Thank you for your order, John! Your order number is ORD-1.", page.Find("[data-testid=preview-body]").TextContent.Trim());
        // The same pre-flight check as the builder's: an approved template, every value filled, nothing to warn about.
        page.WaitForAssertion(() => Assert.Equal("Every pre-flight item passed.", page.Find("[data-testid=preflight-passed]").TextContent.Trim()));

        page.Find("button[data-testid=approve]").ClickSettled();

        page.WaitForAssertion(() => Assert.EndsWith("/campaigns/42", Services.GetRequiredService<NavigationManager>().Uri));
        var sent = Assert.Single(Api.Created);
        Assert.Equal(("Order follow-up", "+966539078944"), (sent.Name, sent.Clients[1].AccountId));
        Assert.Empty(Drafts.All);
        Assert.Contains(Audit.Entries, e => e.Action == AuditActions.ApprovalApproved && e.CampaignId == 42 && e.DraftId == id);
    }

    [Fact]
    public void OnesOwnCampaignCannotBeApprovedAndTheButtonsSayWhy()
    {
        var id = Submitted(makerId: "id-boss");
        SignInWithId(DashboardRoles.Admin, "id-boss");
        RenderProviders();
        var page = Render<ApprovalReview>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(ApprovalTexts.OwnApproval, page.Find("[data-testid=review-not-allowed]").TextContent.Trim()));
        Assert.True(page.Find("button[data-testid=approve]").HasAttribute("disabled"));
        Assert.True(page.Find("button[data-testid=reject]").HasAttribute("disabled"));
        Assert.Empty(Api.Created);
    }

    [Fact]
    public void RejectNeedsANoteThenTheMakerGetsTheDraftBackWithIt()
    {
        var id = Submitted();
        SignInWithId(DashboardRoles.Approver, "id-checker");
        RenderProviders();
        var page = Render<ApprovalReview>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("button[data-testid=reject]"));

        page.Find("button[data-testid=reject]").ClickSettled();
        Assert.Equal(ApprovalTexts.NoteRequired, page.Find("[data-testid=review-error]").TextContent.Trim());

        page.Find("textarea[data-testid=review-note]").Change("Wrong template: use the Ramadan one.");
        page.Find("button[data-testid=reject]").ClickSettled();

        page.WaitForAssertion(() => Assert.EndsWith("/approvals", Services.GetRequiredService<NavigationManager>().Uri));
        var draft = Assert.Single(Drafts.All);
        Assert.Equal((DraftState.Draft, "Wrong template: use the Ramadan one.", "approver@test"), (draft.State, draft.ReviewNote, draft.ReviewedByEmail));
        Assert.Empty(Api.Created);
    }

    [Fact]
    public void WithApprovalsRequiredAMarketersBuilderSubmitsInsteadOfCreating()
    {
        Services.Configure<ApprovalOptions>(o => o.Required = true);
        Services.Configure<DraftOptions>(o => o.SaveAfter = TimeSpan.FromMinutes(10));
        SignInWithId(DashboardRoles.Marketer, "id-maker");
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Page.WaitForAssertion(() => Assert.Equal("Submit for approval", builder.CreateButton.TextContent.Trim()));
        builder.SetName("Spring");
        builder.FillTwoRecipients();

        builder.CreateButton.ClickSettled();

        builder.Page.WaitForAssertion(() => Assert.EndsWith("/campaigns", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.Empty(Api.Created);
        var draft = Assert.Single(Drafts.All);
        Assert.Equal(("Spring", DraftState.AwaitingApproval, "marketer@test", "id-maker", 2), (draft.Name, draft.State, draft.SubmittedByEmail, draft.SubmittedById, draft.Recipients));
        Assert.Equal(["Spring"], Audit.Entries.Where(e => e.Action == AuditActions.ApprovalSubmitted).Select(e => e.Target == "draft \"Spring\"" ? "Spring" : e.Target));
    }

    [Fact]
    public void AnAdminsBuilderStillCreatesWhenApprovalsAreRequired()
    {
        Services.Configure<ApprovalOptions>(o => o.Required = true);
        var builder = OpenBuilder(TestTemplates.OrderConfirmationId);
        builder.Page.WaitForAssertion(() => Assert.Equal("Create campaign", builder.CreateButton.TextContent.Trim()));
    }
}
