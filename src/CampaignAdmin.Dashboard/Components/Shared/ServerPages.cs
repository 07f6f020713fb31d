using CampaignAdmin.Client;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// "Load a server page and show a failure" for a <see cref="MudDataGrid{T}"/>'s <c>ServerData</c>: the page's items and
/// total, or an empty grid with <see cref="Error"/> saying why (in words for people, never a raw response); and the
/// <see cref="Page{T}.Window"/> the dashboard paged over, for the owner's notice.
/// </summary>
public sealed class ServerPages<T>
{
    /// <summary>Why the last load failed, or <c>null</c> when it worked.</summary>
    public string? Error { get; private set; }

    /// <summary>The last page that loaded.</summary>
    public Page<T>? Last { get; private set; }

    /// <param name="shownChanged">
    /// The owner's <c>StateHasChanged</c>, called when <see cref="Error"/> or the window changed: the grid re-renders only
    /// itself, so an alert or notice the owner shows beside it would never appear (or clear) without it.
    /// </param>
    public async Task<GridData<T>> LoadAsync(Func<Task<Page<T>>> load, CancellationToken cancellationToken, Action? shownChanged = null)
    {
        var (errorBefore, windowBefore) = (Error, Last?.Window);
        try
        {
            var page = await load();
            (Last, Error) = (page, null);
            return new GridData<T> { Items = page.Items, TotalItems = page.Total };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Error = ApiErrors.Describe(exception);
            return new GridData<T> { Items = [], TotalItems = 0 };
        }
        catch (OperationCanceledException)
        {
            // the grid asked again (or the page was left): this answer is not wanted
            return new GridData<T> { Items = [], TotalItems = 0 };
        }
        finally
        {
            if (Error != errorBefore || Last?.Window != windowBefore) shownChanged?.Invoke();
        }
    }
}
