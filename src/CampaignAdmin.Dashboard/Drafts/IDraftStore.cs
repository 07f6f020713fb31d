using CampaignAdmin.Dashboard.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Drafts;

/// <summary>Where drafts live: the dashboard database (shared by every dashboard instance on it), so they outlive a circuit, a reload and a redeploy.</summary>
public interface IDraftStore
{
    /// <summary>Inserts the draft, or replaces the content of the one with its ID (keeping who made it and when).</summary>
    Task SaveAsync(SavedDraft draft, CancellationToken cancellationToken = default);

    Task<SavedDraft?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The newest first, without their content.</summary>
    Task<IReadOnlyList<DraftSummary>> ListAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Whether there was such a draft.</summary>
    Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default);
}

public sealed class DbDraftStore(IDbContextFactory<DashboardDb> contexts) : IDraftStore
{
    public async Task SaveAsync(SavedDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One statement for the usual case (a save of a draft that exists): its listing columns and content, never its owner.
        // A draft awaiting approval is frozen: no save changes what the approver sees (Approvals/).
        var updated = await db.Drafts.Where(d => d.Id == draft.Id && d.State == DraftState.Draft).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Name, draft.Name)
            .SetProperty(d => d.TemplateId, draft.TemplateId)
            .SetProperty(d => d.Recipients, draft.Recipients)
            .SetProperty(d => d.UpdatedAtUtc, draft.UpdatedAtUtc)
            .SetProperty(d => d.Content, draft.Content), cancellationToken);
        if (updated > 0) return;
        if (await db.Drafts.AnyAsync(d => d.Id == draft.Id, cancellationToken)) throw new Security.ActionRefusedException(Approvals.ApprovalTexts.Frozen);
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<SavedDraft?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.AsNoTracking().OrderByDescending(d => d.UpdatedAtUtc).ThenBy(d => d.Id).Take(count)
            .Select(d => new DraftSummary(d.Id, d.Name, d.TemplateId, d.Recipients, d.OwnerEmail, d.UpdatedAtUtc, d.Origin, d.State, d.ReviewNote))
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
