using System.Security.Claims;
using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>
/// Every change the dashboard makes to campaigns goes through here: the role is checked on the server, the campaign's or
/// message's current state is asked of the API again (whatever the page showed), then the API is called and the audit written.
/// A refusal throws <see cref="ActionRefusedException"/> before anything reaches the API.
/// </summary>
public sealed class CampaignActions(ICampaignApi api, CurrentUser currentUser, IAuditLog audit, TimeProvider time)
{
    private readonly ICampaignApi _api = api;
    private readonly IAuditLog _audit = audit;

    public async Task<CampaignResponse> CreateAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.CreateCampaign, AuditActions.CampaignCreated, null, request.Name);
        var created = await act.RunAsync(() => _api.CreateCampaignAsync(request, cancellationToken));
        await act.DoneAsync(created.Id, created.Name,
            $"{request.Clients.Count:N0} recipients; {(string.IsNullOrEmpty(request.SendAt) ? "send now" : $"send at {request.SendAt}")}");
        return created;
    }

    public async Task<CampaignResponse> UpdateAsync(UpdateCampaignRequest request, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.EditCampaign, AuditActions.CampaignEdited, request.Id, "");
        var current = await act.CampaignAsync(request.Id, cancellationToken);
        if (CampaignRules.WhyNotEditable(current) is { } why) await act.RefuseAsync(why);
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

    /// <summary>Resends one message, after checking with the API that it is still FAILED.</summary>
    public async Task<CampaignMessage> ResendAsync(int campaignId, string messageKey, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ResendMessage, AuditActions.MessageResent, campaignId, "", messageKey);
        var campaign = await act.CampaignAsync(campaignId, cancellationToken);
        var message = await FindFailedAsync(campaignId, messageKey, cancellationToken);
        if (message is null) await act.RefuseAsync($"Only a FAILED message can be resent; message {messageKey} is not FAILED (any more).");
        var resent = await act.RunAsync(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = messageKey }, cancellationToken),
            $"to {message!.AccountId}");
        await act.DoneAsync(campaignId, campaign.Name, $"to {message.AccountId}: {resent.Status}");
        return resent;
    }

    /// <summary>Resends every message the API lists as FAILED, one by one; one audit entry sums it up.</summary>
    public async Task<ResendAllResult> ResendAllFailedAsync(int campaignId, Func<int, int, Task>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ResendMessage, AuditActions.ResendAllFailed, campaignId, "");
        var campaign = await act.CampaignAsync(campaignId, cancellationToken);
        var keys = await FailedKeysAsync(campaignId, cancellationToken);
        var problems = new List<string>();
        var done = 0;
        var stopped = false;
        foreach (var key in keys)
        {
            if (cancellationToken.IsCancellationRequested) { stopped = true; break; }
            try
            {
                await _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = key }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stopped = true;
                break;
            }
            catch (Exception exception)
            {
                problems.Add(ApiErrors.Describe(exception));
            }
            done++;
            if (progress is not null) await progress(done, keys.Count);
        }
        var result = new ResendAllResult(keys.Count, done, done - problems.Count, problems, stopped);
        await act.DoneAsync(campaignId, campaign.Name, result.Summary, problems.Count == done && done > 0 ? AuditOutcomes.Failed : AuditOutcomes.Done);
        return result;
    }

    private async Task<CampaignMessage?> FindFailedAsync(int campaignId, string messageKey, CancellationToken cancellationToken)
    {
        var found = await _api.FindMessageAsync(campaignId, messageKey, MessageStatus.Failed.ToWire(), cancellationToken);
        return found is not null && MessageStatuses.Parse(found.Status) == MessageStatus.Failed ? found : null;
    }

    /// <summary>Every failed message's key, collected before resending (resent ones leave the FAILED filter).</summary>
    private async Task<List<string>> FailedKeysAsync(int campaignId, CancellationToken cancellationToken)
    {
        const int pageSize = 500;
        var keys = new List<string>();
        while (true)
        {
            var page = await _api.GetMessagePageAsync(campaignId, keys.Count, pageSize, MessageStatus.Failed.ToWire(), cancellationToken);
            keys.AddRange(page.Items.Where(m => MessageStatuses.Parse(m.Status) == MessageStatus.Failed).Select(m => m.MessageKey));
            if (page.Items.Count < pageSize || keys.Count >= page.Total) return keys;
        }
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
            var campaign = await RunAsync(() => owner._api.GetCampaignAsync(id, cancellationToken));
            if (campaign is null) await RefuseAsync($"Campaign {id} does not exist (any more).");
            campaignName = campaign!.Name;
            return campaign;
        }

        public async Task<T> RunAsync<T>(Func<Task<T>> call, string context = "")
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await WriteAsync(AuditOutcomes.Failed, $"{context}{(context.Length > 0 ? ": " : "")}{ApiErrors.Describe(exception)}");
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

/// <summary>How a "resend all failed" went.</summary>
public sealed record ResendAllResult(int Total, int Attempted, int Resent, IReadOnlyList<string> Problems, bool Stopped)
{
    public int StillFailed => Attempted - Resent;

    public string Summary
    {
        get
        {
            var text = $"Resent {Resent:N0} of {Total:N0} failed messages.";
            if (StillFailed > 0) text += $" {StillFailed:N0} failed again.";
            if (Stopped) text += " Stopped before the end.";
            var reasons = Problems.GroupBy(p => p).OrderByDescending(g => g.Count()).Take(3).Select(g => g.Count() > 1 ? $"{g.Key} (×{g.Count()})" : g.Key);
            return Problems.Count == 0 ? text : $"{text} {string.Join(" ", reasons)}";
        }
    }
}
