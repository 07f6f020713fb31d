using CampaignAdmin.Contracts.Campaigns;
using MudBlazor;

namespace CampaignAdmin.Web.Components.Campaigns;

/// <summary>Opens the edit and delete dialogs; each performs its own API call and returns what changed.</summary>
public static class CampaignDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };

    /// <summary>The updated campaign, or <c>null</c> when the user cancelled.</summary>
    public static async Task<CampaignResponse?> EditAsync(this IDialogService dialogs, CampaignResponse campaign)
    {
        var parameters = new DialogParameters<EditCampaignDialog> { { d => d.Campaign, campaign } };
        var dialog = await dialogs.ShowAsync<EditCampaignDialog>($"Edit {campaign.Name}", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CampaignResponse updated } ? updated : null;
    }

    /// <summary>Whether the campaign was deleted.</summary>
    public static async Task<bool> DeleteAsync(this IDialogService dialogs, CampaignResponse campaign)
    {
        var parameters = new DialogParameters<DeleteCampaignDialog> { { d => d.Campaign, campaign } };
        var dialog = await dialogs.ShowAsync<DeleteCampaignDialog>($"Delete {campaign.Name}?", parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>Only a scheduled campaign can be edited (DESIGN §3); otherwise, why not.</summary>
    public static string? WhyNotEditable(CampaignResponse campaign) =>
        string.Equals(campaign.Status, CampaignStatus.Scheduled, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Only scheduled campaigns can be edited; this one is {(string.IsNullOrEmpty(campaign.Status) ? "not scheduled" : campaign.Status)}.";

    /// <summary>Deleting a campaign whose messages already went out asks the user to type its name.</summary>
    public static bool NeedsTypedName(CampaignResponse campaign) =>
        campaign.SentCount > 0 || string.Equals(campaign.Status, CampaignStatus.Sending, StringComparison.OrdinalIgnoreCase);
}
