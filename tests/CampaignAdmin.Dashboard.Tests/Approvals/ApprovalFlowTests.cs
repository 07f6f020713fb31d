using System.Net;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Approvals;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Tests.Support;
using CampaignAdmin.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.Dashboard.Tests.Approvals;

/// <summary>Maker-checker on the real dashboard database, SQLite and PostgreSQL: every transition, who may make it, and two approvals at once creating one campaign.</summary>
public sealed class ApprovalFlowTests
{
    private static readonly DraftContent Offer = new()
    {
        Name = "Eid offer", TemplateId = "eid_offer", Message = "Eid Mubarak {{1}}", Region = "SA",
        Rows = [["+966539000001", "Sara"], ["+966539000002", "Omar"], ["+966539000001", "Sara again"]],
    };

    [Fact]
    public Task SubmittedDraftIsFrozenAndTwoApprovalsAtOnceCreateItOnceOnSqlite() => OnProvider(SubmittedDraftIsFrozenAndTwoApprovalsAtOnceCreateItOnceAsync, null);

    [PostgresFact]
    public Task SubmittedDraftIsFrozenAndTwoApprovalsAtOnceCreateItOnceOnPostgres() => OnPostgres(SubmittedDraftIsFrozenAndTwoApprovalsAtOnceCreateItOnceAsync);

    [Fact]
    public Task RejectWithdrawOwnApprovalAndFailedCreateOnSqlite() => OnProvider(RejectWithdrawOwnApprovalAndFailedCreateAsync, null);

    [PostgresFact]
    public Task RejectWithdrawOwnApprovalAndFailedCreateOnPostgres() => OnPostgres(RejectWithdrawOwnApprovalAndFailedCreateAsync);

    private static async Task SubmittedDraftIsFrozenAndTwoApprovalsAtOnceCreateItOnceAsync(ServerHarness server)
    {
        var id = Guid.NewGuid();
        await using (var marketer = server.As(DashboardRoles.Marketer, "maker@test"))
        {
            var request = ApprovalRequest.From(Offer);
            var direct = await Assert.ThrowsAsync<ActionRefusedException>(() => marketer.ServiceProvider.GetRequiredService<CampaignActions>().CreateAsync(request));
            Assert.Equal(ApprovalTexts.MustSubmit, direct.Message);

            await marketer.ServiceProvider.GetRequiredService<ApprovalActions>().SubmitAsync(id, Offer, Offer.Compress());
            var frozen = await Assert.ThrowsAsync<ActionRefusedException>(() =>
                marketer.ServiceProvider.GetRequiredService<DraftActions>().SaveAsync(id, Offer with { Name = "Changed" }, (Offer with { Name = "Changed" }).Compress()));
            Assert.Equal(ApprovalTexts.Frozen, frozen.Message);
            var undeletable = await Assert.ThrowsAsync<ActionRefusedException>(() => marketer.ServiceProvider.GetRequiredService<DraftActions>().DeleteAsync(id, "Eid offer"));
            Assert.Equal(ApprovalTexts.Frozen, undeletable.Message);
            var listed = Assert.Single(await marketer.ServiceProvider.GetRequiredService<DraftActions>().ListAsync());
            Assert.Equal(("Eid offer", DraftState.AwaitingApproval), (listed.Name, listed.State));

            var notApprover = await Assert.ThrowsAsync<ActionRefusedException>(() => marketer.ServiceProvider.GetRequiredService<ApprovalActions>().ApproveAsync(id));
            Assert.Equal("Approving campaigns needs the Approver or Admin role; you are a Marketer.", notApprover.Message);
        }
        await using (var viewer = server.As(DashboardRoles.Viewer))
        {
            var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => viewer.ServiceProvider.GetRequiredService<ApprovalActions>().ListAwaitingAsync());
            Assert.Equal("Approving campaigns needs the Approver or Admin role; you are a Viewer.", refused.Message);
        }

        // Two approvers press Approve at once: the first create is held until the other has been answered.
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Api.OnCreate = async request =>
        {
            entered.TrySetResult();
            await release.Task;
            return new CampaignResponse { Id = 77, Name = request.Name, Status = CampaignStatus.Sending };
        };
        await using var first = server.As(DashboardRoles.Approver, "checker@test");
        await using var second = server.As(DashboardRoles.Approver, "checker@test");
        var approvals = new[] { first, second }.Select(scope => Task.Run(() => scope.ServiceProvider.GetRequiredService<ApprovalActions>().ApproveAsync(id))).ToList();
        var loser = await Task.WhenAny(approvals);
        var lost = await Assert.ThrowsAsync<ActionRefusedException>(() => loser);
        Assert.Equal(ApprovalTexts.NotAwaiting, lost.Message);
        await entered.Task;
        release.SetResult();
        var created = await approvals.Single(a => a != loser);

        Assert.Equal(77, created.Id);
        var sent = Assert.Single(server.Api.Created);
        Assert.Equal(("Eid offer", "eid_offer", 3, "+966539000002"), (sent.Name, sent.TempMsgId, sent.Clients.Count, sent.Clients[1].AccountId));
        Assert.Null(await server.Services.GetRequiredService<IDraftStore>().GetAsync(id));

        // The campaign's history lists the draft's steps, found through the approval's campaign ID.
        var history = (await server.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(CampaignId: 77), 0, 20)).Items;
        Assert.Equal(
        [
            (AuditActions.ApprovalSubmitted, AuditOutcomes.Done, "maker@test"),
            (AuditActions.ApprovalApproved, AuditOutcomes.Refused, "maker@test"),
            (AuditActions.ApprovalApproved, AuditOutcomes.Refused, "checker@test"),
            (AuditActions.CampaignCreated, AuditOutcomes.Done, "checker@test"),
            (AuditActions.ApprovalApproved, AuditOutcomes.Done, "checker@test"),
        ], history.OrderBy(e => e.Id).Select(e => (e.Action, e.Outcome, e.UserEmail)));
        Assert.Contains(history, e => e.Action == AuditActions.CampaignCreated && e.Details == "approved, made by maker@test; 3 recipients; send now");
    }

    private static async Task RejectWithdrawOwnApprovalAndFailedCreateAsync(ServerHarness server)
    {
        var id = Guid.NewGuid();
        await using (var marketer = server.As(DashboardRoles.Marketer, "maker@test"))
            await marketer.ServiceProvider.GetRequiredService<ApprovalActions>().SubmitAsync(id, Offer, Offer.Compress());

        await using (var approver = server.As(DashboardRoles.Approver, "checker@test"))
        {
            var approvals = approver.ServiceProvider.GetRequiredService<ApprovalActions>();
            var noNote = await Assert.ThrowsAsync<ActionRefusedException>(() => approvals.RejectAsync(id, "   "));
            Assert.Equal(ApprovalTexts.NoteRequired, noNote.Message);
            var notMaker = await Assert.ThrowsAsync<ActionRefusedException>(() => approvals.WithdrawAsync(id));
            Assert.Equal("Creating campaigns needs the Marketer or Admin role; you are an Approver.", notMaker.Message);
            await approvals.RejectAsync(id, "Use the Ramadan template instead.");
        }
        await using (var marketer = server.As(DashboardRoles.Marketer, "maker@test"))
        {
            var drafts = marketer.ServiceProvider.GetRequiredService<DraftActions>();
            var back = Assert.Single(await drafts.ListAsync());
            Assert.Equal((DraftState.Draft, "Use the Ramadan template instead."), (back.State, back.ReviewNote));
            await drafts.SaveAsync(id, Offer with { Name = "Eid offer v2" }, (Offer with { Name = "Eid offer v2" }).Compress());
            var approvals = marketer.ServiceProvider.GetRequiredService<ApprovalActions>();
            await approvals.SubmitAsync(id, Offer with { Name = "Eid offer v2" }, (Offer with { Name = "Eid offer v2" }).Compress());
            await approvals.WithdrawAsync(id);
            Assert.Equal(DraftState.Draft, Assert.Single(await drafts.ListAsync()).State);
        }

        // An Admin who submitted it cannot approve it; another Approver's create that the API refuses leaves it awaiting with the answer.
        await using (var admin = server.As(DashboardRoles.Admin, "boss@test"))
        {
            var approvals = admin.ServiceProvider.GetRequiredService<ApprovalActions>();
            await approvals.SubmitAsync(id, Offer, Offer.Compress());
            var own = await Assert.ThrowsAsync<ActionRefusedException>(() => approvals.ApproveAsync(id));
            Assert.Equal(ApprovalTexts.OwnApproval, own.Message);
        }
        server.Api.OnCreate = async _ => throw await FakeCampaignApi.Error(HttpStatusCode.BadRequest, "Template not found");
        await using (var approver = server.As(DashboardRoles.Approver, "checker@test"))
        {
            var approvals = approver.ServiceProvider.GetRequiredService<ApprovalActions>();
            await Assert.ThrowsAsync<Refit.ApiException>(() => approvals.ApproveAsync(id));
            var waiting = Assert.Single(await approvals.ListAwaitingAsync());
            Assert.Equal((DraftState.AwaitingApproval, "boss@test"), (waiting.State, waiting.SubmittedByEmail));
            Assert.Contains("Template not found", waiting.ApprovalError, StringComparison.Ordinal);
        }
        var audit = (await server.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), 0, 50)).Items
            .Where(e => e.DraftId == id).OrderBy(e => e.Id).Select(e => (e.Action, e.Outcome, e.UserEmail)).ToList();
        Assert.Equal(
        [
            (AuditActions.ApprovalSubmitted, AuditOutcomes.Done, "maker@test"),
            (AuditActions.ApprovalRejected, AuditOutcomes.Refused, "checker@test"),
            (AuditActions.ApprovalWithdrawn, AuditOutcomes.Refused, "checker@test"),
            (AuditActions.ApprovalRejected, AuditOutcomes.Done, "checker@test"),
            (AuditActions.ApprovalSubmitted, AuditOutcomes.Done, "maker@test"),
            (AuditActions.ApprovalWithdrawn, AuditOutcomes.Done, "maker@test"),
            (AuditActions.ApprovalSubmitted, AuditOutcomes.Done, "boss@test"),
            (AuditActions.ApprovalApproved, AuditOutcomes.Refused, "boss@test"),
            (AuditActions.ApprovalCreateFailed, AuditOutcomes.Failed, "checker@test"),
        ], audit);
    }

    private static async Task OnProvider(Func<ServerHarness, Task> scenario, IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Approvals:Required"] = "true" };
        await using var server = await new ServerHarness(all).StartAsync();
        // Approval runs the pre-flight check: the template must be listed, and approved.
        server.Templates.Templates.Add(TestTemplates.EidOffer);
        await scenario(server);
    }

    private static async Task OnPostgres(Func<ServerHarness, Task> scenario)
    {
        var database = PostgresServer.Shared.CreateDatabase();
        try
        {
            await OnProvider(scenario, new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Dashboard"] = database });
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }
}
