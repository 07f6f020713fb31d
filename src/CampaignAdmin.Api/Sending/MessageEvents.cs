using System.Collections.Concurrent;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending;

/// <summary>
/// Messages of one campaign changed status, as committed. A batch raises one per campaign: <see cref="MessageKey"/> and
/// <see cref="Status"/> name the message when it was only one (else they are null, and <see cref="Count"/> says how many).
/// A change of the campaign itself (created, started, finished, renamed, deleted) has no key, no status and a count of 0.
/// </summary>
public readonly record struct MessageStatusChanged(int CompanyId, int CampaignId, string? MessageKey, MessageStatus? Status, int Count);

/// <summary>
/// Where the API says, after each commit, that messages changed status: the embedded dashboard listens to push live
/// updates. Raising is cheap when nobody listens (the standalone API); a listener that throws never fails a write.
/// </summary>
public sealed class MessageEvents(IDbContextFactory<CampaignDb> contexts)
{
    private readonly ConcurrentDictionary<int, int> _companyOf = new();
    private readonly Listeners<MessageStatusChanged> _listeners = new();

    public bool HasListeners => _listeners.Any;

    /// <summary>Listens until the answer is disposed. Listeners run on the writer's thread: they must be quick.</summary>
    public IDisposable Subscribe(Action<MessageStatusChanged> listener) => _listeners.Add(listener);

    /// <summary>A listener's failure is its own: the write is committed.</summary>
    public void Raise(MessageStatusChanged change) => _listeners.Tell(change);

    /// <summary>Raises one event per campaign of <paramref name="changes"/>, looking up (once) which company each belongs to.</summary>
    internal async Task RaiseAsync(StatusChanges changes)
    {
        if (changes.IsEmpty || !HasListeners) return;
        try
        {
            var missing = changes.Campaigns.Where(id => !_companyOf.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                if (_companyOf.Count > 10_000) _companyOf.Clear();
                await using var db = await contexts.CreateDbContextAsync();
                foreach (var c in await db.Campaigns.AsNoTracking().Where(c => missing.Contains(c.Id)).Select(c => new { c.Id, c.CompanyId }).ToListAsync())
                    _companyOf[c.Id] = c.CompanyId;
            }
            foreach (var (campaignId, key, status, count) in changes.All())
            {
                // A campaign deleted since: its page learns that from the delete's own event.
                if (_companyOf.TryGetValue(campaignId, out var companyId)) Raise(new MessageStatusChanged(companyId, campaignId, key, status, count));
            }
        }
        catch (Exception)
        {
            // Live updates are a courtesy after the commit: a missed one shows with the page's next re-read (the next change, Refresh, a reload).
        }
    }

    /// <summary>A campaign's company is known to whoever created it: no look-up later.</summary>
    internal void Know(int campaignId, int companyId) => _companyOf[campaignId] = companyId;
}

/// <summary>What one write changed, per campaign; made only when someone listens (<see cref="For"/>).</summary>
internal sealed class StatusChanges
{
    private readonly Dictionary<int, (string? Key, MessageStatus? Status, int Count)> _byCampaign = [];

    public static readonly StatusChanges None = new();

    /// <summary>A collector when <paramref name="events"/> has listeners, else <see cref="None"/> (which ignores additions).</summary>
    public static StatusChanges For(MessageEvents events) => events.HasListeners ? new StatusChanges() : None;

    public bool IsEmpty => _byCampaign.Count == 0;

    public IEnumerable<int> Campaigns => _byCampaign.Keys;

    public void Add(int campaignId, string? key, MessageStatus status)
    {
        if (ReferenceEquals(this, None)) return;
        _byCampaign[campaignId] = _byCampaign.TryGetValue(campaignId, out var seen)
            ? (null, seen.Status == status ? status : null, seen.Count + 1)
            : (key, status, 1);
    }

    /// <summary>The campaign itself changed (no message named).</summary>
    public void AddCampaign(int campaignId)
    {
        if (ReferenceEquals(this, None)) return;
        _byCampaign.TryAdd(campaignId, (null, null, 0));
    }

    public IEnumerable<(int CampaignId, string? Key, MessageStatus? Status, int Count)> All() =>
        _byCampaign.Select(p => (p.Key, p.Value.Key, p.Value.Status, p.Value.Count));
}
