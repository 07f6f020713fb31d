using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Campaigns;

/// <summary>What may be done to a campaign in its current state, asked by the pages and re-checked by <see cref="CampaignActions"/>.</summary>
public static class CampaignRules
{
    /// <summary>
    /// Only a scheduled campaign can be edited (docs/WIRE.md: update); otherwise, why not, in the status chip's word
    /// (a vendor's PROCESSING is "sending"); a word the table lacks as it came. In the page's language (the grid asks per row:
    /// Localized's lookup), the status word as the chip shows it.
    /// </summary>
    public static string? WhyNotEditable(CampaignResponse campaign, StatusVocabulary words) => words.Campaign(campaign.Status) switch
    {
        CampaignState.Scheduled => null,
        CampaignState.Unknown when string.IsNullOrWhiteSpace(campaign.Status) => Localized.Text(typeof(CampaignRules), "Only scheduled campaigns can be edited; this one is not scheduled."),
        CampaignState.Unknown => Localized.Format(typeof(CampaignRules), "Only scheduled campaigns can be edited; this one is {0}.", campaign.Status),
        var state => Localized.Format(typeof(CampaignRules), "Only scheduled campaigns can be edited; this one is {0}.", state.ToString().ToLowerInvariant()),
    };

    /// <summary>Deleting a campaign whose messages already went out asks the user to type its name.</summary>
    public static bool NeedsTypedName(CampaignResponse campaign, StatusVocabulary words) =>
        campaign.SentCount > 0 || words.Campaign(campaign.Status) == CampaignState.Sending;
}
