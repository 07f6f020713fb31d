using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// One server-paged table's state: which page of what size, the rows and total of the last load, whether one is under
/// way, and why the last one failed (in words for people, never a raw response); the <see cref="Page{T}.Window"/> the
/// dashboard paged over, for the owner's notice. A new load cancels the one before it, so a slow answer never replaces a
/// newer one. The owner renders the rows itself, all in its own tree: no component per row (issue 12).
/// </summary>
public sealed class ServerPages<T>(int pageSize) : IDisposable
{
    private CancellationTokenSource? _loading;

    /// <summary>Why the last load failed, or <c>null</c> when it worked.</summary>
    public string? Error { get; private set; }

    /// <summary>The last page that loaded.</summary>
    public Page<T>? Last { get; private set; }

    /// <summary>The rows shown: the last page's, or none after a failure.</summary>
    public IReadOnlyList<T> Items { get; private set; } = [];

    /// <summary>How many rows there are in all (for the pager).</summary>
    public int Total { get; private set; }

    /// <summary>From 0.</summary>
    public int PageIndex { get; set; }

    public int PageSize { get; set; } = pageSize;

    /// <summary>A load is under way (the table shows a progress bar and says it is busy).</summary>
    public bool Loading { get; private set; }

    /// <summary>Nothing has loaded yet: the table shows neither rows nor "no rows".</summary>
    public bool Loaded { get; private set; }

    public int Offset => PageIndex * PageSize;

    /// <summary>
    /// Loads the current page. <paramref name="shownChanged"/> is the owner's <c>StateHasChanged</c>: called when the load
    /// starts (the progress bar) and when it ended, unless a newer load took its place.
    /// </summary>
    /// <param name="keep">What to show for the rows that came (e.g. rows already shown, updated in place).</param>
    /// <param name="quiet">A live refresh: no progress bar while it reads (it would blink every few seconds).</param>
    /// <param name="apiErrors">
    /// A failure is the Campaign API's, said in <see cref="Error"/>; otherwise (the dashboard's own database) it is thrown,
    /// for the page section around the table to show and log.
    /// </param>
    public async Task LoadAsync(Func<ListQuery, CancellationToken, Task<Page<T>>> load, Action shownChanged,
        string? status = null, string? search = null, Func<IReadOnlyList<T>, IReadOnlyList<T>>? keep = null, bool quiet = false, bool apiErrors = true)
    {
        _loading?.Cancel();
        _loading?.Dispose();
        var loading = _loading = new CancellationTokenSource();
        var token = loading.Token;
        if (!quiet)
        {
            Loading = true;
            shownChanged();
        }
        try
        {
            var page = await load(new ListQuery(Offset, PageSize, status, search), token);
            if (token.IsCancellationRequested) return;
            (Last, Error, Items, Total) = (page, null, keep is null ? page.Items : keep(page.Items), page.Total);
        }
        catch (Exception) when (!apiErrors && !token.IsCancellationRequested)
        {
            Loading = false;
            throw;
        }
        catch (Exception exception) when (!token.IsCancellationRequested)
        {
            (Error, Items, Total) = (ApiErrors.Describe(exception), [], 0);
        }
        catch (OperationCanceledException)
        {
            // a newer load (or leaving the page) took its place: this answer is not wanted
            return;
        }
        if (token.IsCancellationRequested) return;
        (Loading, Loaded) = (false, true);
        shownChanged();
    }

    public void Dispose()
    {
        _loading?.Cancel();
        _loading?.Dispose();
        _loading = null;
    }
}
