using CampaignAdmin.Dashboard.Drafts;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Drafts in a dictionary, for component tests; counts the saves.</summary>
public sealed class MemoryDraftStore : IDraftStore
{
    private readonly Dictionary<Guid, SavedDraft> _drafts = [];

    public int Saves { get; private set; }

    public IReadOnlyList<SavedDraft> All { get { lock (_drafts) return _drafts.Values.ToList(); } }

    public DraftContent ContentOf(Guid id) { lock (_drafts) return DraftContent.Decompress(_drafts[id].Content); }

    /// <summary>A draft as a user saved it earlier.</summary>
    public Guid Add(DraftContent content, string owner = "marketer@test", DateTime? updatedAtUtc = null, string origin = "")
    {
        var id = Guid.NewGuid();
        var at = updatedAtUtc ?? new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        lock (_drafts)
            _drafts[id] = new SavedDraft
            {
                Id = id, Name = content.Name, TemplateId = content.TemplateId, Recipients = content.Rows.Length, OwnerEmail = owner,
                CreatedAtUtc = at, UpdatedAtUtc = at, Origin = origin, Content = content.Compress(),
            };
        return id;
    }

    public Task SaveAsync(SavedDraft draft, CancellationToken cancellationToken = default)
    {
        lock (_drafts)
        {
            Saves++;
            if (_drafts.TryGetValue(draft.Id, out var existing))
                (existing.Name, existing.TemplateId, existing.Recipients, existing.UpdatedAtUtc, existing.Content) =
                    (draft.Name, draft.TemplateId, draft.Recipients, draft.UpdatedAtUtc, draft.Content);
            else _drafts[draft.Id] = draft;
        }
        return Task.CompletedTask;
    }

    public Task<SavedDraft?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_drafts) return Task.FromResult(_drafts.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<DraftSummary>> ListAsync(int count, CancellationToken cancellationToken = default)
    {
        lock (_drafts)
            return Task.FromResult<IReadOnlyList<DraftSummary>>(_drafts.Values.OrderByDescending(d => d.UpdatedAtUtc).Take(count)
                .Select(d => new DraftSummary(d.Id, d.Name, d.TemplateId, d.Recipients, d.OwnerEmail, d.UpdatedAtUtc, d.Origin)).ToList());
    }

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_drafts) return Task.FromResult(_drafts.Remove(id));
    }
}
