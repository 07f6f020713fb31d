using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Identity;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Dashboard.Audit;

/// <summary>The audit log in the dashboard database.</summary>
public sealed class DbAuditLog(IDbContextFactory<DashboardDb> contexts) : IAuditLog
{
    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Audit.Add(entry);
        // Whatever the caller's token says, a completed action is recorded.
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async Task<Page<AuditEntry>> QueryAsync(AuditQuery query, int offset, int count, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.UserEmail)) entries = entries.Where(e => e.UserEmail == query.UserEmail);
        if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(e => e.Action == query.Action);
        if (query.CampaignId is { } campaignId)
        {
            // An approved campaign's history also lists its draft's approval steps (submitted, rejected, …), made before it had an ID:
            // the approval's entry carries both, the others the draft's.
            var drafts = db.Audit.Where(e => e.CampaignId == campaignId && e.DraftId != null).Select(e => e.DraftId);
            entries = entries.Where(e => e.CampaignId == campaignId || (e.DraftId != null && drafts.Contains(e.DraftId)));
        }
        if (query.FromUtc is { } from) entries = entries.Where(e => e.AtUtc >= from);
        if (query.ToUtc is { } to) entries = entries.Where(e => e.AtUtc < to);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip(offset).Take(count).ToListAsync(cancellationToken);
        return new Page<AuditEntry>(items, total);
    }

    public async Task<IReadOnlyList<string>> UsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Audit.Select(e => e.UserEmail).Where(e => e != "").Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
    }
}
