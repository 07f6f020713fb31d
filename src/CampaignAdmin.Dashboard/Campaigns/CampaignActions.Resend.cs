using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Components.Shared;
using CampaignAdmin.Dashboard.Security;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>Resends: one message, or every failed one (planned, shown to the user, then sent one by one).</summary>
public sealed partial class CampaignActions
{
    /// <summary>
    /// Resends one message, after checking with the API that it is still FAILED. Refused when it has no key, when a
    /// resend of it is already in flight in this dashboard (any tab), or when its outcome is unknown and the user has
    /// not confirmed that a second copy is acceptable.
    /// </summary>
    public async Task<CampaignMessage> ResendAsync(int campaignId, string messageKey, bool outcomeUnknownConfirmed = false,
        CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ResendMessage, AuditActions.MessageResent, campaignId, "", messageKey);
        if (!MessageKeys.IsUsable(messageKey)) await act.RefuseAsync(ResendTexts.NoKeyRefused);
        using var claim = inFlight.TryClaim(campaignId, messageKey);
        if (claim is null) await act.RefuseAsync(ResendTexts.InProgress);
        var campaign = await act.CampaignAsync(campaignId, cancellationToken);
        var search = await act.RunAsync(() => _api.SearchMessageAsync(campaignId, messageKey, MessageStatus.Failed.ToWire(), capabilities: _capabilities, cancellationToken: cancellationToken));
        var message = search.Found is { } found && words.Message(found.Status) == MessageStatus.Failed ? found : null;
        if (message is null)
            await act.RefuseAsync(search.Found is null && search.End != PagingEnd.Finished ? ResendTexts.NotFound(messageKey, search.Read) : ResendTexts.NotFailed(messageKey));
        var unknown = WhatsAppErrors.IsOutcomeUnknown(message!.Error);
        if (unknown && !outcomeUnknownConfirmed) await act.RefuseAsync(ResendTexts.OutcomeUnknownNotConfirmed);
        var resent = await act.RunAsync(() => _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = messageKey }, cancellationToken),
            $"to {message.AccountId}", exception => ResendTexts.Why(exception, message.AccountId));
        await act.DoneAsync(campaignId, campaign.Name, $"to {message.AccountId}: {resent.Status}{(unknown ? " (its earlier outcome was unknown; resent after a warning)" : "")}");
        return resent;
    }

    /// <summary>One message as the API has it now (after a resend that failed, its attempts and time moved), or <c>null</c>.</summary>
    public Task<CampaignMessage?> ReadMessageAsync(int campaignId, string messageKey, CancellationToken cancellationToken = default) =>
        _api.FindMessageAsync(campaignId, messageKey, capabilities: _capabilities, cancellationToken: cancellationToken);

    /// <summary>
    /// Finds the campaign's failed messages, within <see cref="ResendLimits.Collect"/>, and sorts them: to resend,
    /// "outcome unknown" (left out unless the user includes them), without a key (never resent). Nothing is sent.
    /// <paramref name="progress"/> hears how many messages were checked so far.
    /// </summary>
    public async Task<ResendAllPlan> PlanResendAllAsync(int campaignId, Func<int, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ResendMessage, AuditActions.ResendAllFailed, campaignId, "");
        await act.CampaignAsync(campaignId, cancellationToken);
        return await act.RunAsync(() => CollectFailedAsync(campaignId, progress, cancellationToken));
    }

    /// <summary>Plans and sends with no one to ask in between: "outcome unknown" messages only when included.</summary>
    public async Task<ResendAllResult> ResendAllFailedAsync(int campaignId, bool includeOutcomeUnknown = false, Func<int, int, Task>? progress = null,
        CancellationToken cancellationToken = default) =>
        await ResendAllFailedAsync(await PlanResendAllAsync(campaignId, null, cancellationToken), includeOutcomeUnknown, progress, cancellationToken);

    /// <summary>
    /// Resends a plan's messages one by one, within <see cref="ResendLimits.MaxSendTime"/>; one audit entry sums it up.
    /// Cancelling stops before the next message (the one being sent finishes: its outcome matters). A message whose
    /// resend is in flight elsewhere is skipped; so is a second "resend all" of the campaign.
    /// </summary>
    public async Task<ResendAllResult> ResendAllFailedAsync(ResendAllPlan plan, bool includeOutcomeUnknown, Func<int, int, Task>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var act = await BeginAsync(Permission.ResendMessage, AuditActions.ResendAllFailed, plan.CampaignId, "");
        using var all = inFlight.TryClaimAll(plan.CampaignId);
        if (all is null) await act.RefuseAsync(ResendTexts.AllInProgress);
        var campaign = await act.CampaignAsync(plan.CampaignId, cancellationToken);
        var result = await SendAllAsync(plan, includeOutcomeUnknown, progress, cancellationToken);
        await act.DoneAsync(plan.CampaignId, campaign.Name, Localized.InEnglish(() => result.Summary), result.Attempted > 0 && result.Resent == 0 ? AuditOutcomes.Failed : AuditOutcomes.Done);
        return result;
    }

    private async Task<ResendAllPlan> CollectFailedAsync(int campaignId, Func<int, Task>? progress, CancellationToken cancellationToken)
    {
        var limits = resendLimits.Value.Collect;
        var scan = new MessageScan(_api, campaignId, limits, time, _capabilities);
        var (keys, unknown, withoutKey) = (new List<string>(), new List<string>(), 0);
        await foreach (var page in scan.PagesAsync(MessageStatus.Failed.ToWire(), cancellationToken: cancellationToken))
        {
            // The server may ignore status=FAILED: the dashboard picks the failed ones itself.
            foreach (var message in page.Where(m => words.Message(m.Status) == MessageStatus.Failed))
            {
                if (!MessageKeys.IsUsable(message.MessageKey)) withoutKey++;
                else (WhatsAppErrors.IsOutcomeUnknown(message.Error) ? unknown : keys).Add(message.MessageKey.Trim());
            }
            if (progress is not null) await progress(scan.Read);
        }
        return new ResendAllPlan(campaignId, keys, unknown, withoutKey, scan.Read, scan.End, limits, scan.Windowed);
    }

    private async Task<ResendAllResult> SendAllAsync(ResendAllPlan plan, bool includeOutcomeUnknown, Func<int, int, Task>? progress,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<string> keys = includeOutcomeUnknown ? [.. plan.Keys, .. plan.OutcomeUnknownKeys] : plan.Keys;
        var maxTime = resendLimits.Value.MaxSendTime;
        var started = time.GetTimestamp();
        var (attempted, busy, problems, stop) = (0, 0, new List<string>(), ResendAllStop.None);
        foreach (var key in keys)
        {
            if (cancellationToken.IsCancellationRequested) stop = ResendAllStop.Cancelled;
            else if (time.GetElapsedTime(started) >= maxTime) stop = ResendAllStop.TimeLimit;
            if (stop != ResendAllStop.None) break;
            using (var claim = inFlight.TryClaim(plan.CampaignId, key))
            {
                if (claim is null)
                {
                    busy++;
                }
                else
                {
                    attempted++;
                    if (await TryResendAsync(key) is { } problem) problems.Add(problem);
                }
            }
            if (progress is not null) await progress(attempted + busy, keys.Count);
        }
        return new ResendAllResult(plan, includeOutcomeUnknown, keys.Count, attempted, attempted - problems.Count, busy, problems, stop, maxTime);
    }

    // Not cancellable once asked: the API finishes a claimed resend anyway, and its answer belongs in the summary.
    private async Task<string?> TryResendAsync(string key)
    {
        try
        {
            await _api.ResendMessageAsync(new ResendCampaignMessageRequest { MessageKey = key }, CancellationToken.None);
            return null;
        }
        catch (Exception exception)
        {
            // Said for any recipient, so the same refusal groups in the summary: "Not resent: the recipient isn't on WhatsApp (131026) (×3)."
            return $"Not resent: {ResendTexts.Why(exception, "").TrimEnd('.')}";
        }
    }
}
