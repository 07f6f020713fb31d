using CampaignAdmin.Dashboard.Drafts;
using CampaignAdmin.Dashboard.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Approvals;

/// <summary>
/// A draft's approval state, moved only by conditional updates (<c>UPDATE … WHERE State = expected</c>): of two people acting on
/// the same draft at once exactly one gets <c>true</c>, on every dashboard instance sharing the database. Approving claims the
/// draft first (AwaitingApproval → Approving), so only the winner calls the Campaign API.
/// </summary>
public interface IApprovalStore
{
    Task<bool> SubmitAsync(Guid id, string userId, string email, DateTime atUtc, CancellationToken cancellationToken = default);

    /// <summary>Back to a draft (withdrawn, or rejected with <paramref name="note"/> by <paramref name="reviewer"/>).</summary>
    Task<bool> ReturnAsync(Guid id, string reviewer, string note, CancellationToken cancellationToken = default);

    /// <summary>AwaitingApproval → Approving: the one who gets <c>true</c> creates the campaign.</summary>
    Task<bool> ClaimAsync(Guid id, string approver, CancellationToken cancellationToken = default);

    /// <summary>Approving → AwaitingApproval, with why the create failed.</summary>
    Task ReleaseAsync(Guid id, string error, CancellationToken cancellationToken = default);

    /// <summary>Awaiting (and being approved), the longest waiting first, without their content.</summary>
    Task<IReadOnlyList<SavedDraft>> ListAwaitingAsync(int count, CancellationToken cancellationToken = default);
}

public sealed class DbApprovalStore(IDbContextFactory<DashboardDb> contexts) : IApprovalStore
{
    public async Task<bool> SubmitAsync(Guid id, string userId, string email, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.Where(d => d.Id == id && d.State == DraftState.Draft).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DraftState.AwaitingApproval)
            .SetProperty(d => d.SubmittedAtUtc, atUtc)
            .SetProperty(d => d.SubmittedById, userId)
            .SetProperty(d => d.SubmittedByEmail, email)
            .SetProperty(d => d.ReviewedByEmail, "")
            .SetProperty(d => d.ReviewNote, "")
            .SetProperty(d => d.ApprovalError, ""), cancellationToken) == 1;
    }

    public async Task<bool> ReturnAsync(Guid id, string reviewer, string note, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.Where(d => d.Id == id && d.State == DraftState.AwaitingApproval).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DraftState.Draft)
            .SetProperty(d => d.ReviewedByEmail, reviewer)
            .SetProperty(d => d.ReviewNote, note)
            .SetProperty(d => d.ApprovalError, ""), cancellationToken) == 1;
    }

    public async Task<bool> ClaimAsync(Guid id, string approver, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.Where(d => d.Id == id && d.State == DraftState.AwaitingApproval).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DraftState.Approving)
            .SetProperty(d => d.ReviewedByEmail, approver), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(Guid id, string error, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Drafts.Where(d => d.Id == id && d.State == DraftState.Approving).ExecuteUpdateAsync(set => set
            .SetProperty(d => d.State, DraftState.AwaitingApproval)
            .SetProperty(d => d.ApprovalError, error.Length > 2000 ? error[..2000] : error), cancellationToken);
    }

    public async Task<IReadOnlyList<SavedDraft>> ListAwaitingAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Drafts.AsNoTracking().Where(d => d.State != DraftState.Draft).OrderBy(d => d.SubmittedAtUtc).ThenBy(d => d.Id).Take(count)
            .Select(d => new SavedDraft
            {
                Id = d.Id, Name = d.Name, TemplateId = d.TemplateId, Recipients = d.Recipients, OwnerId = d.OwnerId, OwnerEmail = d.OwnerEmail,
                CreatedAtUtc = d.CreatedAtUtc, UpdatedAtUtc = d.UpdatedAtUtc, Origin = d.Origin, State = d.State, SubmittedAtUtc = d.SubmittedAtUtc,
                SubmittedById = d.SubmittedById, SubmittedByEmail = d.SubmittedByEmail, ReviewedByEmail = d.ReviewedByEmail, ApprovalError = d.ApprovalError,
            })
            .ToListAsync(cancellationToken);
    }
}
