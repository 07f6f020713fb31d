using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Client;

/// <summary>What a grid asks for: a page of a list, filtered by status (a word of ours) and a search text.</summary>
public sealed record ListQuery(int Offset, int Size, string? Status = null, string? Search = null);

/// <summary>
/// One list (the campaigns, or one campaign's messages) as pages for a grid, whatever the server honours. A server
/// that pages (<see cref="ApiCapabilities"/>) is asked for each page. Otherwise one window of
/// <see cref="ApiCapabilities.WindowSize"/> items is read, kept for <see cref="MaxAge"/> (or until <see cref="Refresh"/>),
/// and filtered, searched and paged here; each page then says so in <see cref="Page{T}.Window"/>. One per grid.
/// </summary>
public sealed class PagedList<T>
{
    /// <summary>How long a window serves paging and filtering before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ApiCapabilities _capabilities;
    private readonly ListKind _kind;
    private readonly Func<ListQuery, CancellationToken, Task<Page<T>>> _ask;
    private readonly Func<T, ListQuery, bool> _matches;
    private readonly TimeProvider _time;
    private (IReadOnlyList<T> Items, long ReadAt)? _window;

    internal PagedList(ApiCapabilities capabilities, ListKind kind, Func<ListQuery, CancellationToken, Task<Page<T>>> ask,
        Func<T, ListQuery, bool> matches, TimeProvider time) =>
        (_capabilities, _kind, _ask, _matches, _time) = (capabilities, kind, ask, matches, time);

    /// <summary>The next page is read from the server again (after a change, or on a live refresh).</summary>
    public void Refresh() => _window = null;

    public async Task<Page<T>> PageAsync(ListQuery query, CancellationToken cancellationToken = default)
    {
        if (!_capabilities.Windowed(_kind))
        {
            var page = await _ask(query, cancellationToken);
            _capabilities.Saw(_kind, page.TotalKnown);
            if (page.TotalKnown || _capabilities.Configured == ListPaging.Server) return page;
            // No X-Total-Count: this server ignores offset, status and search as well; read its window instead.
        }
        var items = await WindowAsync(cancellationToken);
        var matching = items.Where(item => _matches(item, query)).ToList();
        return new Page<T>(matching.Skip(query.Offset).Take(query.Size).ToList(), matching.Count)
        {
            Window = new ListWindow(items.Count, _capabilities.WindowSize),
        };
    }

    private async Task<IReadOnlyList<T>> WindowAsync(CancellationToken cancellationToken)
    {
        if (_window is { } kept && _time.GetElapsedTime(kept.ReadAt) < MaxAge) return kept.Items;
        var page = await _ask(new ListQuery(0, _capabilities.WindowSize), cancellationToken);
        _capabilities.Saw(_kind, page.TotalKnown);
        _window = (page.Items, _time.GetTimestamp());
        return page.Items;
    }
}

/// <summary>Makes the <see cref="PagedList{T}"/> of each list; the dashboard filters with the same words the server would.</summary>
public sealed class CampaignLists(ICampaignApi api, ApiCapabilities capabilities, StatusVocabulary words, TimeProvider time)
{
    public PagedList<CampaignResponse> Campaigns() => new(capabilities, ListKind.Campaigns,
        (q, ct) => api.GetCampaignPageAsync(q.Offset, q.Size, q.Status, q.Search, ct),
        (campaign, q) => (q.Status is null || words.Campaign(campaign.Status) == words.Campaign(q.Status))
                         && (string.IsNullOrWhiteSpace(q.Search) || campaign.Name.Contains(q.Search.Trim(), StringComparison.OrdinalIgnoreCase)),
        time);

    public PagedList<CampaignMessage> Messages(int campaignId) => new(capabilities, ListKind.Messages,
        (q, ct) => api.GetMessagePageAsync(campaignId, q.Offset, q.Size, q.Status, ct),
        (message, q) => q.Status is null || words.Message(message.Status) == words.Message(q.Status),
        time);
}
