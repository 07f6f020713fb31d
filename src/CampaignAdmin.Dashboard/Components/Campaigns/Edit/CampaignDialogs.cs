using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Text;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Campaigns.Edit;

/// <summary>Opens the edit and delete dialogs; each performs its own API call and returns what changed.</summary>
public static class CampaignDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };

    /// <summary>The updated campaign, or <c>null</c> when the user cancelled.</summary>
    public static async Task<CampaignResponse?> EditAsync(this IDialogService dialogs, CampaignResponse campaign)
    {
        var parameters = new DialogParameters<EditCampaignDialog> { { d => d.Campaign, campaign } };
        var dialog = await dialogs.ShowAsync<EditCampaignDialog>(Localized.Format(typeof(CampaignDialogs), "Edit {0}", campaign.Name), parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CampaignResponse updated } ? updated : null;
    }

    /// <summary>Whether the campaign was deleted.</summary>
    public static async Task<bool> DeleteAsync(this IDialogService dialogs, CampaignResponse campaign)
    {
        var parameters = new DialogParameters<DeleteCampaignDialog> { { d => d.Campaign, campaign } };
        var dialog = await dialogs.ShowAsync<DeleteCampaignDialog>(Localized.Format(typeof(CampaignDialogs), "Delete {0}?", campaign.Name), parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
