using System.Security.Claims;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Campaigns;
using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>
/// Maker-checker, checked on the server whatever the page showed: a maker submits a draft (frozen while it waits) or withdraws it;
/// an Approver or Admin who did not make it approves (the campaign is created through <see cref="CampaignActions"/>, the one create
/// path, and the draft goes) or rejects it with a note (it is the maker's draft again). Every step, refusals too, is audited with
/// the draft's ID; the approval also carries the campaign's, so the campaign's history lists the draft's steps.
/// </summary>
public sealed class ApprovalActions(IDraftStore drafts, IApprovalStore store, DraftActions draftActions, CampaignActions campaigns,
    IApprovalPreflight preflight, CurrentUser currentUser, IAuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<SavedDraft>> ListAwaitingAsync(CancellationToken cancellationToken = default)
    {
        if (await currentUser.RefusalAsync(Permission.ApproveCampaign) is { } refused) throw refused;
        return await store.ListAwaitingAsync(ApprovalLimits.Listed, cancellationToken);
    }

    /// <summary>A submitted draft as the approver sees it; <c>null</c> when it is gone.</summary>
    public async Task<(SavedDraft Draft, DraftContent Content)?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await currentUser.RefusalAsync(Permission.ApproveCampaign) is { } refused) throw refused;
        if (await drafts.GetAsync(id, cancellationToken) is not { } draft) return null;
        return (draft, await Task.Run(() => DraftContent.Decompress(draft.Content), cancellationToken));
    }

    /// <summary>Why the signed-in user may not approve or reject <paramref name="draft"/> (the page disables the buttons with it); <c>null</c> when they may.</summary>
    public async Task<string?> WhyNotReviewAsync(SavedDraft? draft, string own = ApprovalTexts.OwnApproval)
    {
        if (await currentUser.WhyNotAsync(Permission.ApproveCampaign) is { } why) return why;
        if (draft is null) return ApprovalTexts.Gone;
        if (draft.State != DraftState.AwaitingApproval) return ApprovalTexts.NotAwaiting;
        var userId = UserId(await currentUser.PrincipalAsync());
        return userId == draft.SubmittedById || userId == draft.OwnerId ? own : null;
    }

    /// <summary>The result of the pre-flight seam for what the draft sends (<c>null</c>: no check in this build).</summary>
    public Task<PreflightSummary?> PreflightAsync(CreateCampaignRequest request, CancellationToken cancellationToken = default) =>
        preflight.CheckAsync(request, cancellationToken);

    /// <summary>Saves the builder's last state and freezes it as awaiting approval.</summary>
    public async Task SubmitAsync(Guid id, DraftContent content, byte[] compressed, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        if (await currentUser.WhyNotAsync(Permission.CreateCampaign) is { } why) await RefuseAsync(user, AuditActions.ApprovalSubmitted, id, content.Name, why);
        await draftActions.SaveAsync(id, content, compressed, cancellationToken: cancellationToken);
        if (!await store.SubmitAsync(id, UserId(user), user.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime, cancellationToken))
            await RefuseAsync(user, AuditActions.ApprovalSubmitted, id, content.Name, ApprovalTexts.AlreadyAwaiting);
        await WriteAsync(user, AuditActions.ApprovalSubmitted, AuditOutcomes.Done, id, content.Name,
            $"{content.Rows.Length:N0} recipients; template {content.TemplateId}");
    }

    /// <summary>The maker (or an Admin) takes it back: a draft again, editable.</summary>
    public async Task WithdrawAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        var draft = await drafts.GetAsync(id, cancellationToken);
        var name = draft?.Name ?? "";
        var why = await currentUser.WhyNotAsync(Permission.CreateCampaign)
            ?? (draft is null ? ApprovalTexts.Gone : null)
            ?? (draft!.SubmittedById != UserId(user) && !user.IsInRole(DashboardRoles.Admin) ? ApprovalTexts.OnlyMakerWithdraws : null);
        if (why is not null) await RefuseAsync(user, AuditActions.ApprovalWithdrawn, id, name, why);
        if (!await store.ReturnAsync(id, "", "", cancellationToken)) await RefuseAsync(user, AuditActions.ApprovalWithdrawn, id, name, ApprovalTexts.NotAwaiting);
        await WriteAsync(user, AuditActions.ApprovalWithdrawn, AuditOutcomes.Done, id, name, "back to a draft");
    }

    /// <summary>Back to the maker as a draft, with <paramref name="note"/> shown on it.</summary>
    public async Task RejectAsync(Guid id, string note, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        var draft = await drafts.GetAsync(id, cancellationToken);
        var name = draft?.Name ?? "";
        note = note.Trim();
        var why = await WhyNotReviewAsync(draft, ApprovalTexts.OwnRejection)
            ?? (note.Length == 0 ? ApprovalTexts.NoteRequired : note.Length > ApprovalLimits.MaxNote ? ApprovalTexts.NoteTooLong(note.Length) : null);
        if (why is not null) await RefuseAsync(user, AuditActions.ApprovalRejected, id, name, why);
        if (!await store.ReturnAsync(id, user.Identity?.Name ?? "", note, cancellationToken))
            await RefuseAsync(user, AuditActions.ApprovalRejected, id, name, ApprovalTexts.NotAwaiting);
        await WriteAsync(user, AuditActions.ApprovalRejected, AuditOutcomes.Done, id, name, $"made by {draft!.SubmittedByEmail}; note: {note}");
    }

    /// <summary>
    /// Claims the draft (only one approver wins it), creates the campaign through the builder's create path, deletes the draft.
    /// A failed create puts it back to awaiting, with the API's answer on it.
    /// </summary>
    public async Task<CampaignResponse> ApproveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        var draft = await drafts.GetAsync(id, cancellationToken);
        var name = draft?.Name ?? "";
        if (await WhyNotReviewAsync(draft) is { } why) await RefuseAsync(user, AuditActions.ApprovalApproved, id, name, why);
        var content = await Task.Run(() => DraftContent.Decompress(draft!.Content), cancellationToken);
        var request = ApprovalRequest.From(content);
        if (await preflight.CheckAsync(request, cancellationToken) is { Blocks: true } check)
            await RefuseAsync(user, AuditActions.ApprovalApproved, id, name, ApprovalTexts.Blocked(string.Join("; ", check.Blocking)),
                ApprovalTexts.BlockedShown(string.Join("; ", check.Blocking)));
        if (!await store.ClaimAsync(id, user.Identity?.Name ?? "", cancellationToken))
            await RefuseAsync(user, AuditActions.ApprovalApproved, id, name, ApprovalTexts.NotAwaiting);

        CampaignResponse created;
        try
        {
            created = await campaigns.CreateApprovedAsync(request, draft!.SubmittedByEmail, cancellationToken);
        }
        catch (Exception exception)
        {
            // Never left claimed: whatever stopped the create, the draft waits again with the reason on it.
            var error = ActionErrors.Describe(exception);
            await store.ReleaseAsync(id, error, CancellationToken.None);
            await WriteAsync(user, AuditActions.ApprovalCreateFailed, AuditOutcomes.Failed, id, name, error);
            throw;
        }
        await WriteAsync(user, AuditActions.ApprovalApproved, AuditOutcomes.Done, id, name,
            $"made by {draft.SubmittedByEmail}; campaign {created.Id} created", created.Id, created.Name);
        await drafts.DeleteAsync(id, CancellationToken.None);
        return created;
    }

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    // The audit log keeps the English; the page shows the refusal in its language.
    private async Task RefuseAsync(ClaimsPrincipal user, string action, Guid id, string name, string why, string? shown = null)
    {
        await WriteAsync(user, action, AuditOutcomes.Refused, id, name, why);
        throw new ActionRefusedException(why, shown);
    }

    private Task WriteAsync(ClaimsPrincipal user, string action, string outcome, Guid id, string name, string details, int? campaignId = null, string campaignName = "")
    {
        var entry = AuditEntry.By(user, currentUser.IpAddress, time, action, outcome, $"draft \"{name}\"", details, campaignId, campaignName);
        entry.DraftId = id;
        return audit.WriteAsync(entry, CancellationToken.None);
    }
}
