using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>What may be done to a campaign in its current state, asked by the pages and re-checked by <see cref="CampaignActions"/>.</summary>
public static class CampaignRules
{
    /// <summary>Only a scheduled campaign can be edited (docs/WIRE.md: update); otherwise, why not.</summary>
    public static string? WhyNotEditable(CampaignResponse campaign, StatusVocabulary words) =>
        words.Campaign(campaign.Status) == CampaignState.Scheduled
            ? null
            : $"Only scheduled campaigns can be edited; this one is {(string.IsNullOrEmpty(campaign.Status) ? "not scheduled" : campaign.Status)}.";

    /// <summary>Deleting a campaign whose messages already went out asks the user to type its name.</summary>
    public static bool NeedsTypedName(CampaignResponse campaign, StatusVocabulary words) =>
        campaign.SentCount > 0 || words.Campaign(campaign.Status) == CampaignState.Sending;
}
