using CampaignAdmin.Contracts.Campaigns;

namespace CampaignAdmin.Dashboard.Components.Campaigns.Detail;

public static class MessageCopy
{
    /// <summary>Updates a grid row in place with what the API answered about it.</summary>
    public static void Into(CampaignMessage source, CampaignMessage row)
    {
        row.Status = source.Status;
        row.Error = source.Error;
        row.ErrorCode = source.ErrorCode;
        row.Attempts = source.Attempts;
        row.ProviderMessageId = source.ProviderMessageId;
        row.SentAt = source.SentAt;
        row.DeliveredAt = source.DeliveredAt;
        row.ReadAt = source.ReadAt;
        row.UpdatedAt = source.UpdatedAt;
    }
}
