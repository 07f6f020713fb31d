using CampaignAdmin.Client;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Dashboard.Live;

/// <summary>How much a page still has to watch, when nothing pushes changes to it.</summary>
public enum LiveNeed
{
    /// <summary>Nothing more will change by itself: no polling.</summary>
    Final,

    /// <summary>Every message is delivered or final, but a delivered one may still be read: a slow refresh.</summary>
    Slow,

    /// <summary>Sending, due to start, or messages not yet delivered: polling with back-off.</summary>
    Underway,
}

public static class LiveNeeds
{
    /// <summary>How long after it was sent a campaign's delivered messages are still watched for READ receipts.</summary>
    public static readonly TimeSpan ReadWindow = TimeSpan.FromHours(24);

    public static LiveNeed Of(CampaignResponse campaign, StatusVocabulary words, DateTimeOffset now)
    {
        if (words.IsUnderway(campaign, now)) return LiveNeed.Underway;
        var state = words.Campaign(campaign.Status);
        if (state is CampaignState.Scheduled) return LiveNeed.Final;
        // SUBMITTED (sent, not delivered yet) messages still get their receipt.
        if (campaign.SentCount > campaign.DeliveredCount) return LiveNeed.Underway;
        var sent = WireTime.Parse(campaign.SendAt) ?? WireTime.Parse(campaign.CreatedAt);
        var unread = !campaign.ReadCountKnown || campaign.DeliveredCount > campaign.ReadCount;
        return campaign.DeliveredCount > 0 && unread && sent is { } at && now - at < ReadWindow ? LiveNeed.Slow : LiveNeed.Final;
    }

    /// <summary>The most any of <paramref name="campaigns"/> needs.</summary>
    public static LiveNeed Of(IEnumerable<CampaignResponse> campaigns, StatusVocabulary words, DateTimeOffset now)
    {
        var need = LiveNeed.Final;
        foreach (var campaign in campaigns)
        {
            var one = Of(campaign, words, now);
            if (one > need) need = one;
            if (need == LiveNeed.Underway) break;
        }
        return need;
    }
}
