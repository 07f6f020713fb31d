using CampaignAdmin.Contracts.Campaigns;
using Microsoft.AspNetCore.Components;

namespace CampaignAdmin.Dashboard.Components.Campaigns.List;

// Filter, search and page live in the address (?status=&q=&page=), so a reload, a shared link or the back button brings them back.
public partial class CampaignGrid
{
    private const int SearchPause = 300; // ms after the last key before the list is asked again
    private readonly string _fieldIds = Guid.NewGuid().ToString("N")[..8];
    private string _search = "";
    private string _typed = ""; // what the search box holds; _search once the typing paused
    private string _status = "";
    private bool _loadedOnce;
    private CancellationTokenSource? _typing;

    private string SearchId => $"campaign-search-{_fieldIds}";
    private string StatusId => $"campaign-status-{_fieldIds}";

    [SupplyParameterFromQuery(Name = "status")] public string? StatusInAddress { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchInAddress { get; set; }
    /// <summary>From 1, as people count pages.</summary>
    [SupplyParameterFromQuery(Name = "page")] public int? PageInAddress { get; set; }

    // The address changed (a link, a reload, Back): show what it says. A change made here has already been shown.
    protected override async Task OnParametersSetAsync()
    {
        var status = CampaignStatus.All.FirstOrDefault(s => string.Equals(s, StatusInAddress?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        var (search, page) = (SearchInAddress ?? "", Math.Max(0, (PageInAddress ?? 1) - 1));
        if (_loadedOnce && (status, search, page) == (_status, _search, _pages.PageIndex)) return;
        _loadedOnce = true;
        (_status, _search, _typed, _pages.PageIndex) = (status, search, search, page);
        await ReloadAsync();
    }

    // The search box: the list is asked again once typing pauses, as MudTextField's DebounceInterval did.
    private async Task TypedAsync(ChangeEventArgs change)
    {
        _typed = change.Value?.ToString() ?? "";
        _typing?.Cancel();
        _typing?.Dispose();
        var typing = _typing = new CancellationTokenSource();
        try
        {
            await Task.Delay(SearchPause, typing.Token);
        }
        catch (OperationCanceledException)
        {
            return; // another key came
        }
        await SearchAsync(_typed);
    }

    private Task ClearSearchAsync()
    {
        _typing?.Cancel();
        _typed = "";
        return SearchAsync("");
    }

    // Typing a search replaces the address rather than adding a Back step per word; a filter or a page is a step.
    private Task SearchAsync(string? text)
    {
        if ((text ?? "") == _search) return Task.CompletedTask;
        (_search, _pages.PageIndex) = (text ?? "", 0);
        ShowInAddress(replace: true);
        return ReloadAsync();
    }

    private Task FilterAsync(ChangeEventArgs change)
    {
        (_status, _pages.PageIndex) = (change.Value?.ToString() ?? "", 0);
        ShowInAddress(replace: false);
        return ReloadAsync();
    }

    private Task PageChangedAsync(int page)
    {
        if (page == _pages.PageIndex) return Task.CompletedTask;
        _pages.PageIndex = page;
        ShowInAddress(replace: false);
        return ReloadAsync();
    }

    private Task PageSizeChangedAsync(int size)
    {
        (_pages.PageSize, _pages.PageIndex) = (size, 0);
        ShowInAddress(replace: false);
        return ReloadAsync();
    }

    private void ShowInAddress(bool replace) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = NullIfEmpty(_status),
            ["q"] = NullIfEmpty(_search),
            ["page"] = _pages.PageIndex > 0 ? _pages.PageIndex + 1 : null,
        }), new NavigationOptions { ReplaceHistoryEntry = replace });

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
