using System.Text.Json.Serialization;

namespace CampaignAdmin.Contracts.Campaigns;

/// <summary>One message of a campaign, as <c>getCampMsgs</c> lists it.</summary>
public sealed class CampaignMessage
{
    [JsonPropertyName("MessageKey")] public string MessageKey { get; set; } = "";
    [JsonPropertyName("CampaignID")] public int CampaignId { get; set; }
    [JsonPropertyName("AccountID")] public string AccountId { get; set; } = "";
    [JsonPropertyName("Params")] public List<string> Params { get; set; } = [];
    [JsonPropertyName("Status")] public string Status { get; set; } = "";
    [JsonPropertyName("Error")] public string Error { get; set; } = "";
    [JsonPropertyName("ErrorCode")] public int ErrorCode { get; set; }
    [JsonPropertyName("Attempts")] public int Attempts { get; set; }
    [JsonPropertyName("ProviderMessageID")] public string ProviderMessageId { get; set; } = "";
    [JsonPropertyName("CreatedAt")] public string CreatedAt { get; set; } = "";
    [JsonPropertyName("SentAt")] public string? SentAt { get; set; }
    [JsonPropertyName("DeliveredAt")] public string? DeliveredAt { get; set; }
    [JsonPropertyName("ReadAt")] public string? ReadAt { get; set; }
    [JsonPropertyName("UpdatedAt")] public string? UpdatedAt { get; set; }
}
