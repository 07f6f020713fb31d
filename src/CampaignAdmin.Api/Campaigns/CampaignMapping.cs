using System.Text.Json;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Api.Campaigns;

internal static class CampaignMapping
{
    public static CampaignResponse ToResponse(this Campaign campaign, List<CampaignClient>? clients = null) => new()
    {
        Id = campaign.Id,
        Name = campaign.Name,
        TemplateName = campaign.TemplateName,
        Lang = campaign.Lang,
        CreatedAt = WireTime.Format(campaign.CreatedAt),
        UpdatedAt = WireTime.Format(campaign.UpdatedAt),
        SendAt = campaign.SendAtText,
        Status = campaign.Status,
        AgentId = campaign.AgentId,
        Message = campaign.Message,
        Json = campaign.Json,
        SentCount = campaign.SentCount,
        DeliveredCount = campaign.DeliveredCount,
        ReadCount = campaign.ReadCount,
        FailedCount = campaign.FailedCount,
        Total = campaign.Total,
        Clients = clients ?? [],
        CompanyId = campaign.CompanyId,
        ReportHeaders = JsonSerializer.Deserialize<List<string>>(campaign.ReportHeaders, CampaignJson.Options) ?? [],
        TempMsgId = campaign.TemplateId,
        SocketKey = campaign.SocketKey,
    };

    public static CampaignMessage ToWire(this Message message) => new()
    {
        MessageKey = message.Key,
        CampaignId = message.CampaignId,
        AccountId = message.AccountId,
        Params = JsonSerializer.Deserialize<List<string>>(message.Params, CampaignJson.Options) ?? [],
        Status = ((MessageStatus)message.Status).ToWire(),
        Error = message.Error,
        ErrorCode = message.ErrorCode,
        Attempts = message.Attempts,
        ProviderMessageId = message.ProviderMessageId,
        CreatedAt = WireTime.Format(message.CreatedAt),
        SentAt = WireTime.Format(message.SentAt),
        DeliveredAt = WireTime.Format(message.DeliveredAt),
        ReadAt = WireTime.Format(message.ReadAt),
        UpdatedAt = WireTime.Format(message.UpdatedAt),
    };
}
