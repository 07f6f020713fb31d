using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Audit;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>The audit log in a list, for component tests.</summary>
public sealed class MemoryAuditLog : IAuditLog
{
    public List<AuditEntry> Entries { get; } = [];

    public Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (Entries) Entries.Add(entry);
        return Task.CompletedTask;
    }

    public Task<Page<AuditEntry>> QueryAsync(AuditQuery query, int offset, int count, CancellationToken cancellationToken = default)
    {
        lock (Entries)
        {
            var matching = Entries.Where(e => (query.CampaignId is null || e.CampaignId == query.CampaignId)
                                              && (query.UserEmail is null || e.UserEmail == query.UserEmail)
                                              && (query.Action is null || e.Action == query.Action))
                .OrderByDescending(e => e.AtUtc).ToList();
            return Task.FromResult(new Page<AuditEntry>(matching.Skip(offset).Take(count).ToList(), matching.Count));
        }
    }

    public Task<IReadOnlyList<string>> UsersAsync(CancellationToken cancellationToken = default)
    {
        lock (Entries) return Task.FromResult<IReadOnlyList<string>>(Entries.Select(e => e.UserEmail).Distinct().ToList());
    }
}
