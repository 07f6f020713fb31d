using CampaignAdmin.Dashboard.Approvals;
using CampaignAdmin.Dashboard.Drafts;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Approval transitions on <see cref="MemoryDraftStore"/>'s drafts, for component tests (the real, conditional ones are in ApprovalFlowTests).</summary>
public sealed class MemoryApprovalStore(MemoryDraftStore drafts) : IApprovalStore
{
    private readonly object _lock = new();

    public Task<bool> SubmitAsync(Guid id, string userId, string email, DateTime atUtc, CancellationToken cancellationToken = default) =>
        Move(id, DraftState.Draft, d => (d.State, d.SubmittedById, d.SubmittedByEmail, d.SubmittedAtUtc, d.ReviewNote) = (DraftState.AwaitingApproval, userId, email, atUtc, ""));

    public Task<bool> ReturnAsync(Guid id, string reviewer, string note, CancellationToken cancellationToken = default) =>
        Move(id, DraftState.AwaitingApproval, d => (d.State, d.ReviewedByEmail, d.ReviewNote) = (DraftState.Draft, reviewer, note));

    public Task<bool> ClaimAsync(Guid id, string approver, CancellationToken cancellationToken = default) =>
        Move(id, DraftState.AwaitingApproval, d => (d.State, d.ReviewedByEmail) = (DraftState.Approving, approver));

    public Task ReleaseAsync(Guid id, string error, CancellationToken cancellationToken = default) =>
        Move(id, DraftState.Approving, d => (d.State, d.ApprovalError) = (DraftState.AwaitingApproval, error));

    public Task<IReadOnlyList<SavedDraft>> ListAwaitingAsync(int count, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SavedDraft>>(drafts.All.Where(d => d.State != DraftState.Draft).OrderBy(d => d.SubmittedAtUtc).Take(count).ToList());

    private Task<bool> Move(Guid id, DraftState from, Action<SavedDraft> change)
    {
        lock (_lock)
        {
            if (drafts.All.SingleOrDefault(d => d.Id == id) is not { } draft || draft.State != from) return Task.FromResult(false);
            change(draft);
            return Task.FromResult(true);
        }
    }
}
