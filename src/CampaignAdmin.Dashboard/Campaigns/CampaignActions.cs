using System.Security.Claims;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>
/// Every change the dashboard makes to campaigns goes through here: the role is checked on the server, the campaign's or
/// message's current state is asked of the API again (whatever the page showed; a create runs the pre-flight check again, CampaignActions.Preflight.cs), then the API is called and the audit written.
/// A refusal throws <see cref="ActionRefusedException"/> before anything reaches the API. Resends are in
/// CampaignActions.Resend.cs.
/// </summary>
public sealed partial class CampaignActions(ICampaignApi api, CurrentUser currentUser, IAuditLog audit, TimeProvider time,
    ResendsInFlight inFlight, IOptions<ResendLimits> resendLimits, StatusVocabulary words, ApiCapabilities capabilities,
    Approvals.ApprovalPolicy approvals,
    Preflight.PreflightCheck preflight)
{
    private readonly ICampaignApi _api = api;
    private readonly ApiCapabilities _capabilities = capabilities;
    private readonly IAuditLog _audit = audit;

    public async Task<CampaignResponse> CreateAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.CreateCampaign, AuditActions.CampaignCreated, null, request.Name);
        // Approvals:Required: a Marketer submits instead (Approvals/), whatever the page offered.
        if (await approvals.MustSubmitAsync()) await act.RefuseAsync(Approvals.ApprovalTexts.MustSubmit);
        return await CreateWithAsync(act, request, "", cancellationToken);
    }

    /// <summary>The one create path: the builder's Create and an approval (CampaignActions.Approval.cs) both end here.</summary>
    private async Task<CampaignResponse> CreateWithAsync(Act act, CreateCampaignRequest request, string how, CancellationToken cancellationToken)
    {
        await PreflightAsync(act, request, cancellationToken);
        var created = await act.RunAsync(() => _api.CreateCampaignAsync(request, cancellationToken));
        await act.DoneAsync(created.Id, created.Name,
            $"{how}{request.Clients.Count:N0} recipients; {(string.IsNullOrEmpty(request.SendAt) ? "send now" : $"send at {request.SendAt}")}");
        return created;
    }

    public async Task<CampaignResponse> UpdateAsync(UpdateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.EditCampaign, AuditActions.CampaignEdited, request.Id, "");
        var current = await act.CampaignAsync(request.Id, cancellationToken);
        if (CampaignRules.WhyNotEditable(current, words) is { } why) await act.RefuseAsync(why);
        var (nameBefore, sendAtBefore) = (current.Name, current.SendAt);
        var updated = await act.RunAsync(() => _api.UpdateCampaignAsync(request, cancellationToken));
        await act.DoneAsync(updated.Id, updated.Name, Changes(nameBefore, sendAtBefore, updated));
        return updated;
    }

    public async Task<CampaignResponse> DeleteAsync(int campaignId, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.DeleteCampaign, AuditActions.CampaignDeleted, campaignId, "");
        var current = await act.CampaignAsync(campaignId, cancellationToken);
        var deleted = await act.RunAsync(() => _api.DeleteCampaignAsync(new DeleteCampaignRequest { Id = campaignId }, cancellationToken));
        await act.DoneAsync(campaignId, current.Name, $"was {current.Status}; {current.SentCount:N0} of {current.Total:N0} sent");
        return deleted;
    }

    private static string Changes(string nameBefore, string sendAtBefore, CampaignResponse after)
    {
        var changes = new List<string>();
        if (nameBefore != after.Name) changes.Add($"name \"{nameBefore}\" → \"{after.Name}\"");
        if (sendAtBefore != after.SendAt) changes.Add($"send at {sendAtBefore} → {after.SendAt}");
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    private async Task<Act> BeginAsync(Permission permission, string action, int? campaignId, string campaignName, string target = "")
    {
        var user = await currentUser.PrincipalAsync();
        var act = new Act(this, user, action, campaignId, campaignName, target);
        if (await currentUser.WhyNotAsync(permission) is { } why) await act.RefuseAsync(why);
        return act;
    }

    private AuditEntry Entry(ClaimsPrincipal user, string action, int? campaignId, string campaignName, string target, string outcome, string details) =>
        AuditEntry.By(user, currentUser.IpAddress, time, action, outcome, target, details, campaignId, campaignName);

    /// <summary>One action in progress: it knows what to write to the audit log however it ends.</summary>
    private sealed class Act(CampaignActions owner, ClaimsPrincipal user, string action, int? campaignId, string campaignName, string target)
    {
        public async Task<CampaignResponse> CampaignAsync(int id, CancellationToken cancellationToken)
        {
            var campaign = await RunAsync(() => owner._api.GetCampaignAsync(id, owner._capabilities, cancellationToken));
            if (campaign is null) await RefuseAsync($"Campaign {id} does not exist (any more).");
            campaignName = campaign!.Name;
            return campaign;
        }

        public async Task<T> RunAsync<T>(Func<Task<T>> call, string context = "", Func<Exception, string>? describe = null)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await WriteAsync(AuditOutcomes.Failed, $"{context}{(context.Length > 0 ? ": " : "")}{(describe ?? ApiErrors.Describe)(exception)}");
                throw;
            }
        }

        public async Task RefuseAsync(string reason)
        {
            await WriteAsync(AuditOutcomes.Refused, reason);
            throw new ActionRefusedException(reason);
        }

        public Task DoneAsync(int id, string name, string details, string outcome = AuditOutcomes.Done)
        {
            (campaignId, campaignName) = (id, name);
            return WriteAsync(outcome, details);
        }

        private Task WriteAsync(string outcome, string details) =>
            owner._audit.WriteAsync(owner.Entry(user, action, campaignId, campaignName, target, outcome, details));
    }
}
