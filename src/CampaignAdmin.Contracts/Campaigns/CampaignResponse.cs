using System.Text.Json.Serialization;
using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Contracts.Campaigns;

/// <summary>The vendor's <c>CampaignResponse</c>, field for field, plus <c>ReadCount</c> [extension].</summary>
public sealed class CampaignResponse
{
    [JsonPropertyName("ID")] public int Id { get; set; }
    [JsonPropertyName("Name")] public string Name { get; set; } = "";
    [JsonPropertyName("TemplateName")] public string TemplateName { get; set; } = "";
    [JsonPropertyName("Lang")] public string Lang { get; set; } = "";
    [JsonPropertyName("CreatedAt")] public string CreatedAt { get; set; } = "";
    [JsonPropertyName("UpdatedAt")] public string UpdatedAt { get; set; } = "";
    [JsonPropertyName("SendAt")] public string SendAt { get; set; } = "";
    [JsonPropertyName("Status")] public string Status { get; set; } = "";
    [JsonPropertyName("AgentID")] public int AgentId { get; set; }
    [JsonPropertyName("Message")] public string Message { get; set; } = "";
    [JsonPropertyName("JSON")] public string Json { get; set; } = "";
    [JsonPropertyName("SentCount")] public int SentCount { get; set; }
    [JsonPropertyName("DeliveredCount")] public int DeliveredCount { get; set; }
    /// <summary>Our extension: a vendor that does not send it leaves <see cref="ReadCountKnown"/> false (shown as unknown, never 0).</summary>
    [JsonPropertyName("ReadCount")]
    public int ReadCount
    {
        get => _readCount;
        set => (_readCount, ReadCountKnown) = (value, true);
    }

    private int _readCount;

    /// <summary>Whether the answer said how many were read (our API always does; the vendor's may not).</summary>
    [JsonIgnore] public bool ReadCountKnown { get; private set; }
    [JsonPropertyName("FailedCount")] public int FailedCount { get; set; }
    [JsonPropertyName("Total")] public int Total { get; set; }
    [JsonPropertyName("Clients")] public List<CampaignClient> Clients { get; set; } = [];
    [JsonPropertyName("CompanyID")] public int CompanyId { get; set; }

    [JsonPropertyName("ReportHeaders")]
    [JsonConverter(typeof(TolerantStringListConverter))]
    public IReadOnlyList<string> ReportHeaders { get; set; } = [];

    [JsonPropertyName("TempMsgID")] public string TempMsgId { get; set; } = "";
    [JsonPropertyName("Error")] public string Error { get; set; } = "";
    [JsonPropertyName("SocketKey")] public string SocketKey { get; set; } = "";
}
