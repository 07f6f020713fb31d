using CampaignAdmin.Contracts.Campaigns;
using Microsoft.AspNetCore.Components;

namespace CampaignAdmin.Dashboard.Components.Campaigns.List;

// Filter, search and page live in the address (?status=&q=&page=), so a reload, a shared link or the back button brings them back.
public partial class CampaignGrid
{
    private string _search = "";
    private string _status = "";
    private int _page;

    [SupplyParameterFromQuery(Name = "status")] public string? StatusInAddress { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? SearchInAddress { get; set; }
    /// <summary>From 1, as people count pages.</summary>
    [SupplyParameterFromQuery(Name = "page")] public int? PageInAddress { get; set; }

    // The address changed (a link, a reload, Back): show what it says. A change made here has already been shown.
    protected override async Task OnParametersSetAsync()
    {
        var status = CampaignStatus.All.FirstOrDefault(s => string.Equals(s, StatusInAddress?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        var (search, page) = (SearchInAddress ?? "", Math.Max(0, (PageInAddress ?? 1) - 1));
        if ((status, search, page) == (_status, _search, _page)) return;
        (_status, _search, _page) = (status, search, page);
        await ReloadAsync();
    }

    // Typing a search replaces the address rather than adding a Back step per word; a filter or a page is a step.
    private Task SearchAsync(string? text)
    {
        (_search, _page) = (text ?? "", 0);
        ShowInAddress(replace: true);
        return ReloadAsync();
    }

    private Task FilterAsync(string? status)
    {
        (_status, _page) = (status ?? "", 0);
        ShowInAddress(replace: false);
        return ReloadAsync();
    }

    private void PageChanged(int page)
    {
        if (page == _page) return;
        _page = page;
        ShowInAddress(replace: false);
    }

    private void ShowInAddress(bool replace) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = NullIfEmpty(_status),
            ["q"] = NullIfEmpty(_search),
            ["page"] = _page > 0 ? _page + 1 : null,
        }), new NavigationOptions { ReplaceHistoryEntry = replace });

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
