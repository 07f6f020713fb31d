using CampaignAdmin.Dashboard.Audit;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>
/// Every change to drafts goes through here, checked on the server: saving, deleting and making one from a campaign need the
/// role that creates campaigns (a Viewer sees the list, never edits). Deleting and making one from a campaign are audited;
/// the autosave of every pause in typing is not (the draft's last change is on its row).
/// </summary>
public sealed class DraftActions(IDraftStore store, CurrentUser currentUser, IAuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<DraftSummary>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(DraftLimits.Listed, cancellationToken);

    /// <summary>The draft's content, read off the circuit's thread (100,000 rows take a moment to unpack); <c>null</c> when it is gone.</summary>
    public async Task<(SavedDraft Draft, DraftContent Content)?> OpenAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await RefuseUnlessAllowedAsync();
        if (await store.GetAsync(id, cancellationToken) is not { } draft) return null;
        var content = await Task.Run(() => DraftContent.Decompress(draft.Content), cancellationToken);
        return (draft, content);
    }

    /// <summary>Saves <paramref name="compressed"/> (<see cref="DraftContent.Compress"/> of <paramref name="content"/>) as draft <paramref name="id"/>.</summary>
    public async Task SaveAsync(Guid id, DraftContent content, byte[] compressed, string origin = "", CancellationToken cancellationToken = default)
    {
        await RefuseUnlessAllowedAsync();
        if (compressed.Length > DraftLimits.MaxContentBytes) throw new ActionRefusedException(DraftLimits.TooLarge(compressed.Length));
        var user = await currentUser.PrincipalAsync();
        var now = time.GetUtcNow().UtcDateTime;
        await store.SaveAsync(new SavedDraft
        {
            // The listing columns are bounded (a name may be typed past the API's 256 while it is a draft); the content keeps it whole.
            Id = id, Name = Cut(content.Name, 512), TemplateId = Cut(content.TemplateId, 256), Recipients = content.Rows.Length, Content = compressed,
            OwnerId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", OwnerEmail = user.Identity?.Name ?? "",
            CreatedAtUtc = now, UpdatedAtUtc = now, Origin = origin,
        }, cancellationToken);
    }

    /// <summary>A new draft from a campaign (duplicate, follow-up): saved, audited, and its ID returned to open it.</summary>
    public async Task<Guid> CreateFromCampaignAsync(DraftContent content, int campaignId, string campaignName, string origin, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        if (await currentUser.WhyNotAsync(Permission.CreateCampaign) is { } why)
        {
            await audit.WriteAsync(Entry(user, AuditActions.DraftCreated, AuditOutcomes.Refused, content.Name, why, campaignId, campaignName), CancellationToken.None);
            throw new ActionRefusedException(why);
        }
        var id = Guid.NewGuid();
        var compressed = await Task.Run(content.Compress, cancellationToken);
        await SaveAsync(id, content, compressed, origin, cancellationToken);
        await audit.WriteAsync(Entry(user, AuditActions.DraftCreated, AuditOutcomes.Done, content.Name,
            $"{origin}; {content.Rows.Length:N0} recipients", campaignId, campaignName), CancellationToken.None);
        return id;
    }

    /// <summary>Deletes a draft (the person asked, or its campaign was created: <paramref name="why"/>); audited either way.</summary>
    public async Task<bool> DeleteAsync(Guid id, string name, string why = "", CancellationToken cancellationToken = default)
    {
        var user = await currentUser.PrincipalAsync();
        if (await currentUser.WhyNotAsync(Permission.CreateCampaign) is { } refused)
        {
            await audit.WriteAsync(Entry(user, AuditActions.DraftDeleted, AuditOutcomes.Refused, name, refused), CancellationToken.None);
            throw new ActionRefusedException(refused);
        }
        // A draft awaiting approval is the approver's to decide; its maker withdraws it first (Approvals/).
        if ((await store.GetAsync(id, cancellationToken))?.State is Approvals.ApprovalStates.Waiting)
        {
            await audit.WriteAsync(Entry(user, AuditActions.DraftDeleted, AuditOutcomes.Refused, name, Approvals.ApprovalTexts.Frozen), CancellationToken.None);
            throw new ActionRefusedException(Approvals.ApprovalTexts.Frozen);
        }
        var deleted = await store.DeleteAsync(id, cancellationToken);
        await audit.WriteAsync(Entry(user, AuditActions.DraftDeleted, AuditOutcomes.Done, name, deleted ? why : "it was already gone"), CancellationToken.None);
        return deleted;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    private async Task RefuseUnlessAllowedAsync()
    {
        if (await currentUser.WhyNotAsync(Permission.CreateCampaign) is { } why) throw new ActionRefusedException(why);
    }

    private AuditEntry Entry(System.Security.Claims.ClaimsPrincipal user, string action, string outcome, string name, string details,
        int? campaignId = null, string campaignName = "") =>
        AuditEntry.By(user, currentUser.IpAddress, time, action, outcome, $"draft \"{name}\"", details, campaignId, campaignName);
}
